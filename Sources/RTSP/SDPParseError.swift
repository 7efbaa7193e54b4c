/// Why SDP text (RFC 4566) could not be read.
public enum SDPParseError: Error, Hashable, Sendable {
    case tooLong(length: Int, limit: Int)
    case tooManyLines(count: Int, limit: Int)
    /// One line longer than `SDPLine.maximumLineLength`.
    case lineTooLong(number: Int, length: Int, limit: Int)
    /// More `m=` sections than `SessionDescription.maximumMediaCount`.
    case tooManyMedia(count: Int, limit: Int)
    /// An `m=` line listing more formats than `MediaDescription.maximumFormatCount`.
    case tooManyFormats(count: Int, limit: Int)
    /// A line that is not `<type>=<value>` with a single lowercase letter type (RFC 4566 §5).
    case malformedLine(number: Int, excerpt: String)
    /// The first line is not `v=0`.
    case unsupportedVersion(String)
    case missingField(Character)
    case malformedOrigin(String)
    case malformedConnection(String)
    /// An `m=` line without media, port and transport, or with a port that is not a number.
    case malformedMedia(String)
    /// A media description the caller cannot use (the parser itself keeps every one).
    case unsupportedMedia(String)
    case malformedAttribute(String)
    case invalidFormatParameters(String)
}
