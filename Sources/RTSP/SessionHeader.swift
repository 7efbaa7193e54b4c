/// Why a Session header (RFC 2326 §12.37) was rejected.
public enum SessionHeaderError: Error, Hashable, Sendable {
    case emptyID
    case idTooLong(length: Int, limit: Int)
    /// The identifier holds a character outside ALPHA / DIGIT / `$-_.+`.
    case invalidID(String)
    case invalidTimeout(value: String)
}

/// The Session header (RFC 2326 §12.37): `session-id [ ";" "timeout" "=" delta-seconds ]`.
public struct SessionHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "Session"
    /// Longest identifier accepted.
    public static let maximumIDLength = 128
    /// Most digits in the timeout.
    public static let maximumTimeoutDigits = 9

    public var id: String
    /// Seconds of inactivity before the server may drop the session.
    public var timeout: Int?

    public init(id: String, timeout: Int? = nil) {
        self.id = id
        self.timeout = timeout
    }

    /// `session-id = 1*( ALPHA | DIGIT | safe )`, `safe = "$" | "-" | "_" | "." | "+"`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maximumIDLength && id.utf8.allSatisfy { byte in
            HeaderSyntax.isAlphanumeric(byte) || "$-_.+".utf8.contains(byte)
        }
    }

    /// Parses the header; parameters other than `timeout` are ignored.
    public static func parse(_ text: String) throws(SessionHeaderError) -> SessionHeader {
        let parts = HeaderSyntax.semicolonParts(text)
        let id = parts[0]
        guard !id.isEmpty else { throw .emptyID }
        guard id.utf8.count <= maximumIDLength else {
            throw .idTooLong(length: id.utf8.count, limit: maximumIDLength)
        }
        guard isValidID(id) else { throw .invalidID(id) }
        var header = SessionHeader(id: id)
        for parameter in parts.dropFirst() {
            let (name, value) = HeaderSyntax.nameValue(parameter)
            guard HeaderSyntax.equalsIgnoringCase(name, "timeout") else { continue }
            guard let value, let seconds = HeaderSyntax.parseDigits(value, maxDigits: maximumTimeoutDigits) else {
                throw .invalidTimeout(value: value ?? "")
            }
            header.timeout = seconds
        }
        return header
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    /// `id` or `id;timeout=N`, with no space before the parameter.
    public var serialized: String { timeout.map { "\(id);timeout=\($0)" } ?? id }
    public var description: String { serialized }
}
