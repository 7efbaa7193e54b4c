/// One `<type>=<value>` line of a session description (RFC 4566 §5).
public struct SDPLine: Hashable, Sendable, CustomStringConvertible {
    /// Longest description accepted by `parseLines`.
    public static let maximumTextLength = 64 * 1024
    /// Most lines accepted by `parseLines`.
    public static let maximumLineCount = 512
    /// Longest single line accepted by `parseLines` (an fmtp with large parameter sets fits).
    public static let maximumLineLength = 16 * 1024
    /// Longest line excerpt kept in errors.
    public static let maximumExcerptLength = 80

    public var type: Character
    public var value: String

    public init(type: Character, value: String) {
        self.type = type
        self.value = value
    }

    /// Splits SDP text into lines (CRLF or LF). Blank lines, and lines of only spaces and
    /// tabs (some servers pad the body), are skipped.
    public static func parseLines(_ text: String) throws(SDPParseError) -> [SDPLine] {
        guard text.utf8.count <= maximumTextLength else {
            throw .tooLong(length: text.utf8.count, limit: maximumTextLength)
        }
        var lines: [SDPLine] = []
        // Split on bytes: in a Swift String, CRLF is a single Character.
        for (offset, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(raw.last == 0x0D ? raw.dropLast() : raw[...])
            if bytes.allSatisfy(HeaderSyntax.isWhitespace) { continue }
            guard bytes.count <= maximumLineLength else {
                throw .lineTooLong(number: offset + 1, length: bytes.count, limit: maximumLineLength)
            }
            guard bytes.count >= 2, bytes[1] == UInt8(ascii: "="), bytes[0] >= 0x61, bytes[0] <= 0x7A
            else {
                let excerpt = String(decoding: bytes.prefix(maximumExcerptLength), as: UTF8.self)
                throw .malformedLine(number: offset + 1, excerpt: excerpt)
            }
            lines.append(SDPLine(
                type: Character(Unicode.Scalar(bytes[0])), value: String(decoding: bytes.dropFirst(2), as: UTF8.self)))
            guard lines.count <= maximumLineCount else {
                throw .tooManyLines(count: lines.count, limit: maximumLineCount)
            }
        }
        return lines
    }

    public var serialized: String { "\(type)=\(value)" }
    public var description: String { serialized }
}
