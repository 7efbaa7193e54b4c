import FuzzSupport
import RTSP

/// The `mpeg4-generic` `a=fmtp` parameters (RFC 3640 §4.1): whatever parses serializes to
/// text that parses back to the same parameters.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMPEG4FormatParameters(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let parameters = try? MPEG4GenericFormatParameters.parse(text) else { return 0 }
    let canonical = parameters.serialized
    let reparsed = try? MPEG4GenericFormatParameters.parse(canonical)
    invariant(reparsed == parameters, "serialized parameters \(canonical) do not parse back the same")
    return 0
}
