/// One datagram the responder asks its driver to send: where, and when.
public struct DiscoverySend: Sendable, Equatable {
    /// Where a datagram goes.
    public enum Destination: Sendable, Equatable {
        /// 239.255.255.250:3702, out of the discovery interface (Hello, Bye).
        case group
        /// Back to the address and port the Probe came from (ProbeMatches).
        case sender
    }

    public var bytes: [UInt8]
    public var destination: Destination
    /// When to send it, on the clock the responder was given (nanoseconds).
    public var at: Int64
    /// The message's `wsa:MessageID` (a repeat has its original's).
    public var messageID: String

    public init(bytes: [UInt8], destination: Destination, at: Int64, messageID: String) {
        self.bytes = bytes
        self.destination = destination
        self.at = at
        self.messageID = messageID
    }
}
