import FuzzSupport
import RTSP

/// Session descriptions (RFC 4566, RFC 6184 §8.2.1): whatever parses serializes to text that
/// parses back and serializes the same; the line splitter and the media sections keep their
/// limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionDescription(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    if let lines = try? SDPLine.parseLines(text) {
        invariant(lines.count <= SDPLine.maximumLineCount, "\(lines.count) lines")
    }
    guard let description = try? SessionDescription.parse(text) else { return 0 }
    invariant(description.media.count <= SessionDescription.maximumMediaCount, "\(description.media.count) media")
    for medium in description.media {
        invariant(medium.formats.count <= MediaDescription.maximumFormatCount, "\(medium.formats.count) formats")
        _ = try? medium.h264FormatParameters()
    }
    let canonical = description.serialize()
    guard canonical.utf8.count <= SDPLine.maximumTextLength else { return 0 }
    let reparsed: SessionDescription
    do {
        reparsed = try SessionDescription.parse(canonical)
    } catch {
        invariant(false, "serialized description does not parse: \(error)\n\(canonical)")
        return 0
    }
    invariant(reparsed.serialize() == canonical, "serialization is not stable:\n\(canonical)")
    return 0
}
