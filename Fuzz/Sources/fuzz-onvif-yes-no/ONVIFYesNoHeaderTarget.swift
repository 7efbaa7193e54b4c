import FuzzSupport
import RTSP

/// The ONVIF replay yes/no headers (Rate-Control, Immediate): whatever parses is `yes` or
/// `no` and parses back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzONVIFYesNoHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? ONVIFYesNoHeader.parse(text) else { return 0 }
    invariant(header.serialized == "yes" || header.serialized == "no", "serialized as \(header.serialized)")
    invariant((try? ONVIFYesNoHeader.parse(header.serialized)) == header, "round trip of \(header.serialized)")
    return 0
}
