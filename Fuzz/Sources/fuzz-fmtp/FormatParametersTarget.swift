import FuzzSupport
import RTSP

/// The H.264 `a=fmtp` parameters (RFC 6184 §8.1): whatever parses serializes to text that
/// parses back and serializes the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormatParameters(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let parameters = try? H264FormatParameters.parse(text) else { return 0 }
    let canonical = parameters.serialized
    let reparsed: H264FormatParameters
    do {
        reparsed = try H264FormatParameters.parse(canonical)
    } catch {
        invariant(false, "serialized parameters \(canonical) do not parse: \(error)")
        return 0
    }
    invariant(reparsed.serialized == canonical, "serialization of \(canonical) is not stable")
    return 0
}
