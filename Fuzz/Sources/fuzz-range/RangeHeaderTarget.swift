import FuzzSupport
import RTSP

/// The Range header (RFC 2326 §12.29): whatever parses is in order, and its serialization
/// (times rounded to milliseconds) parses back and serializes to the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRangeHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? RangeHeader.parse(text) else { return 0 }
    invariant(header.start != nil || header.end != nil, "a range with neither start nor end")
    if case .seconds(let from)? = header.start, case .seconds(let to)? = header.end {
        invariant(from <= to, "end before start accepted")
    }
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
