import FuzzSupport
import RTSP

/// The Require header (RFC 2326 §12.32): whatever parses serializes to text that parses back
/// to the same tags, and a request with it asks for exactly those tags, each once.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequireHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    guard let header = try? RequireHeader.parse(text) else { return 0 }
    invariant(header.tags.count <= RequireHeader.maximumTags, "\(header.tags.count) tags")
    let canonical = header.serialized
    if canonical.utf8.count <= RequireHeader.maximumLength {
        invariant((try? RequireHeader.parse(canonical)) == header, "round trip of \(canonical)")
    }
    let request = RTSPRequest(method: .options, uri: "*", headers: [RequireHeader.headerName: text])
    var unique: [String] = []
    for tag in header.tags where !unique.contains(tag) { unique.append(tag) }
    invariant((try? request.unsupportedOptionTags()) == unique, "unsupported tags differ from the header's")
    return 0
}
