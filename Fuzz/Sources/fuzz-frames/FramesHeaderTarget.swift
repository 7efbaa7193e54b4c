import FuzzSupport
import RTSP

/// The ONVIF replay Frames header: whatever parses serializes to a canonical form that
/// parses back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFramesHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? FramesHeader.parse(text) else { return 0 }
    invariant((try? FramesHeader.parse(header.serialized)) == header, "round trip of \(header.serialized)")
    return 0
}
