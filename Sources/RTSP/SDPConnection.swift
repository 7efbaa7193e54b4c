/// A connection line's address (RFC 4566 §5.7): `IN IP4 <address>[/<ttl>]`, IP6 when the
/// address holds a colon. The TTL is for IPv4 multicast.
public struct SDPConnection: Hashable, Sendable {
    public var address: String
    public var ttl: UInt8?

    public init(address: String, ttl: UInt8? = nil) {
        self.address = address
        self.ttl = ttl
    }

    var addressType: String { address.contains(":") ? "IP6" : "IP4" }

    public var serialized: String {
        "IN \(addressType) \(address)" + (ttl.map { "/\($0)" } ?? "")
    }

    /// A multicast address count after the TTL (`/<ttl>/<count>`, §5.7) is dropped.
    public static func parse(_ value: String) throws(SDPParseError) -> SDPConnection {
        let parts = HeaderSyntax.pieces(of: value, at: UInt8(ascii: " "), omittingEmpty: true)
        guard parts.count == 3, parts[0] == "IN", parts[1] == "IP4" || parts[1] == "IP6" else {
            throw .malformedConnection(value)
        }
        let addressParts = HeaderSyntax.pieces(of: parts[2], at: UInt8(ascii: "/"))
        var connection = SDPConnection(address: String(addressParts[0]))
        if addressParts.count >= 2 {
            guard let ttl = HeaderSyntax.parseDigits(addressParts[1], maxDigits: 3), ttl <= 255 else {
                throw .malformedConnection(value)
            }
            connection.ttl = UInt8(ttl)
        }
        return connection
    }
}
