/// What the server tells the network model about one outgoing packet.
public struct PacketInfo: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case rtp
        case rtcp
    }

    /// The viewer's packet counter (RTP and RTCP together), from 0.
    public var index: Int
    /// Size of the packet in bytes (RTP header included, no IP/UDP header).
    public var size: Int
    public var kind: Kind

    public init(index: Int, size: Int, kind: Kind = .rtp) {
        self.index = index
        self.size = size
        self.kind = kind
    }
}

/// One transmission of a packet.
public struct Departure: Sendable, Equatable {
    /// When to send it, on the caller's monotonic clock; never before the decision time.
    public var at: Int64
    /// Bits to flip before sending, as offsets from the first bit of the packet
    /// (bit 0 is the most significant bit of byte 0). Empty for an intact copy.
    public var corruptBitOffsets: [Int]

    public init(at: Int64, corruptBitOffsets: [Int] = []) {
        self.at = at
        self.corruptBitOffsets = corruptBitOffsets
    }
}

/// The network model's verdict on one packet: each copy to send, in order.
/// No copies means the packet is dropped.
public struct PacketFate: Sendable, Equatable {
    public var copies: [Departure]

    public init(copies: [Departure]) {
        self.copies = copies
    }

    public static let dropped = PacketFate(copies: [])

    public var isDropped: Bool { copies.isEmpty }
}

/// Running totals of what a network model did.
public struct NetworkFaultCounters: Sendable, Equatable {
    /// Dropped by independent random loss.
    public var droppedRandom = 0
    /// Dropped by the Gilbert–Elliott burst-loss channel.
    public var droppedBurst = 0
    /// Dropped because an outage was in progress.
    public var droppedOutage = 0
    /// Dropped because the bandwidth queue was full.
    public var droppedQueue = 0
    /// Sent later than offered (delay, jitter, queueing or reorder hold).
    public var delayed = 0
    /// Held back by explicit reordering.
    public var reordered = 0
    /// Sent twice.
    public var duplicated = 0
    /// Sent with flipped bits.
    public var corrupted = 0
    /// Sent at least once.
    public var passed = 0

    public init() {}

    /// Every drop, whatever its cause.
    public var dropped: Int { droppedRandom + droppedBurst + droppedOutage + droppedQueue }

    /// Both sets of counts added together (RTP and RTCP of one viewer, say).
    public static func + (lhs: NetworkFaultCounters, rhs: NetworkFaultCounters) -> NetworkFaultCounters {
        var sum = NetworkFaultCounters()
        sum.droppedRandom = lhs.droppedRandom + rhs.droppedRandom
        sum.droppedBurst = lhs.droppedBurst + rhs.droppedBurst
        sum.droppedOutage = lhs.droppedOutage + rhs.droppedOutage
        sum.droppedQueue = lhs.droppedQueue + rhs.droppedQueue
        sum.delayed = lhs.delayed + rhs.delayed
        sum.reordered = lhs.reordered + rhs.reordered
        sum.duplicated = lhs.duplicated + rhs.duplicated
        sum.corrupted = lhs.corrupted + rhs.corrupted
        sum.passed = lhs.passed + rhs.passed
        return sum
    }
}
