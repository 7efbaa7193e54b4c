/// An `a=` line (RFC 4566 §5.13): `a=<name>` (a flag) or `a=<name>:<value>`.
public struct SDPAttribute: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// nil for a property attribute such as `a=recvonly`.
    public var value: String?

    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }

    /// Splits at the first colon, on bytes so a colon followed by a combining mark still splits.
    public init(parsing text: String) {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else {
            self.init(name: text)
            return
        }
        self.init(name: String(Substring(text.utf8[..<colon])), value: String(Substring(text.utf8[text.utf8.index(after: colon)...])))
    }

    public var serialized: String { value.map { "\(name):\($0)" } ?? name }
    public var description: String { serialized }
}
