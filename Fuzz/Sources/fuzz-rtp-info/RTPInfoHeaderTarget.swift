import FuzzSupport
import RTSP

/// The RTP-Info header (RFC 2326 §12.33): whatever parses serializes to text that parses
/// back to the same entries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRTPInfoHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? RTPInfoHeader.parse(text) else { return 0 }
    invariant(!header.entries.isEmpty && header.entries.count <= RTPInfoHeader.maximumEntries, "entry count")
    let canonical = header.serialized
    if canonical.utf8.count <= RTPInfoHeader.maximumLength {
        invariant((try? RTPInfoHeader.parse(canonical)) == header, "round trip of \(canonical)")
    }
    return 0
}
