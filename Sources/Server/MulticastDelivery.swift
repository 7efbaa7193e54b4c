/// How the server sends multicast (RFC 2326 §12.39): the scope of its datagrams and
/// the interface they leave by. Which group and port each stream uses is the camera's
/// (`CameraDefinition.multicast`).
public struct MulticastDelivery: Sendable, Equatable {
    /// IP time to live (IP_MULTICAST_TTL), also announced as `ttl=` in SETUP answers.
    public var ttl: UInt8
    /// The interface multicast leaves by and reports are received on (IP_MULTICAST_IF,
    /// IP_ADD_MEMBERSHIP): an IPv4 address or an interface name. Nil lets the routing
    /// table choose.
    public var interface: String?

    public init(ttl: UInt8 = 1, interface: String? = nil) {
        self.ttl = ttl
        self.interface = interface
    }
}
