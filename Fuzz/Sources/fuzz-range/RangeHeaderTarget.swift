import FuzzSupport
import RTSP

/// The Range header (RFC 2326 §3.5-§3.7, §12.29): whatever parses serializes to text that
/// parses back and serializes to the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRangeHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? RangeHeader.parse(text) else { return 0 }
    invariant(RangeHeader(parsing: text) == header, "init?(parsing:) disagrees with parse")
    let canonical = header.serialized
    let reparsed: RangeHeader
    do {
        reparsed = try RangeHeader.parse(canonical)
    } catch {
        invariant(false, "serialized range \(canonical) does not parse: \(error)")
        return 0
    }
    invariant(reparsed.serialized == canonical, "serialization of \(canonical) is not stable")
    return 0
}
