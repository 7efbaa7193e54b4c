import FuzzSupport
import RTSP

/// The H.265 `a=fmtp` parameters (RFC 7798 §7.1): whatever parses serializes to text that
/// parses back to the same value and serializes the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzH265FormatParameters(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let parameters = try? H265FormatParameters.parse(text) else { return 0 }
    let canonical = parameters.serialized
    let reparsed: H265FormatParameters
    do {
        reparsed = try H265FormatParameters.parse(canonical)
    } catch {
        invariant(false, "serialized parameters \(canonical) do not parse: \(error)")
        return 0
    }
    invariant(reparsed == parameters, "\(canonical) parses to a different value")
    invariant(reparsed.serialized == canonical, "serialization of \(canonical) is not stable")
    return 0
}
