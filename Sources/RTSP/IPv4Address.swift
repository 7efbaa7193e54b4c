/// An IPv4 address in dotted-quad form, `a.b.c.d` with each part 0-255 in at most three
/// digits (RFC 2326 §12.39 `destination`, RFC 1112 host group addresses). Names and IPv6
/// addresses are not IPv4 addresses: they do not parse.
public struct IPv4Address: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Longest dotted quad, `255.255.255.255`.
    public static let maximumLength = 15

    /// The address in host byte order (`239.255.42.1` is `0xEFFF_2A01`).
    public var value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    /// Parses `a.b.c.d`; nil for anything else (leading or trailing space, a fifth part,
    /// a part above 255 or of four digits, a sign).
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= Self.maximumLength else { return nil }
        var value: UInt32 = 0
        var parts = 0
        for piece in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard (1...3).contains(piece.count), piece.allSatisfy(HeaderSyntax.isDigit) else { return nil }
            let number = piece.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard number <= 255 else { return nil }
            value = value << 8 | UInt32(number)
            parts += 1
        }
        guard parts == 4 else { return nil }
        self.value = value
    }

    /// A multicast (host group) address: 224.0.0.0/4 (RFC 1112 §4, RFC 5771).
    public var isMulticast: Bool { value >> 28 == 0xE }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }
}
