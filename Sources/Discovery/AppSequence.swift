/// `d:AppSequence` (WS-Discovery §7): lets a client order one target's messages and notice a
/// restart. `InstanceId` rises on every start (camsim takes the start time in seconds);
/// `MessageNumber` rises with every message sent (a repeat keeps its message's number).
public struct AppSequence: Sendable, Equatable {
    public var instanceID: UInt32
    public var messageNumber: UInt32

    public init(instanceID: UInt32, messageNumber: UInt32 = 1) {
        self.instanceID = instanceID
        self.messageNumber = messageNumber
    }

    /// The current values, then the number raised for the next message.
    mutating func take() -> AppSequence {
        defer { messageNumber &+= 1 }
        return self
    }
}
