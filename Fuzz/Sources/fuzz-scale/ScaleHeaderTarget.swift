import FuzzSupport
import RTSP

/// The Scale header (RFC 2326 §12.34): whatever parses serializes to its shortest exact form,
/// which parses back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScaleHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? ScaleHeader.parse(text) else { return 0 }
    invariant((try? ScaleHeader.parse(header.serialized)) == header, "round trip of \(header.serialized)")
    invariant(ScaleHeader(header.value) == header, "the value \(header.value) does not make the same header")
    return 0
}
