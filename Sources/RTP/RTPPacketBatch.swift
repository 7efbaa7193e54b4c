import NIOCore

/// Every RTP packet of one access unit, written back to back into one `ByteBuffer`, so that
/// it can be sent to many receivers as slices of that buffer, without copying.
public struct RTPPacketBatch: Sendable {
    /// The packets, each a header followed by its payload, back to back.
    public var bytes: ByteBuffer
    /// The packets in sequence-number order, each a slice of `bytes` (no copy).
    public var packets: [ByteBuffer]
    /// RTP timestamp shared by every packet of the batch.
    public var timestamp: UInt32
    /// Sequence number of the first packet; the others follow with wrapping increments.
    public var firstSequenceNumber: UInt16
    /// Whether the access unit carried an IDR slice (NAL type 5).
    public var containsIDR: Bool
    /// Sum of the RTP payload sizes, headers excluded (the sender report's octet count, RFC 3550 §6.4.1).
    public var payloadOctets: Int
    /// The access unit's capture instant, nanoseconds since the Unix epoch, when its source
    /// knows one other than the moment the stream's frame clock made it (a recorded frame's
    /// instant on its timeline). Sender reports map this instant to `timestamp`
    /// (RFC 3550 §6.4.1). Nil: the frame clock's wall time.
    public var captureInstantNanoseconds: Int64?

    public init(
        bytes: ByteBuffer = ByteBuffer(),
        packets: [ByteBuffer] = [],
        timestamp: UInt32,
        firstSequenceNumber: UInt16,
        containsIDR: Bool = false,
        payloadOctets: Int = 0
    ) {
        self.bytes = bytes
        self.packets = packets
        self.timestamp = timestamp
        self.firstSequenceNumber = firstSequenceNumber
        self.containsIDR = containsIDR
        self.payloadOctets = payloadOctets
    }

    public var packetCount: Int { packets.count }

    /// The packet at `index` (0-based), sharing storage with `bytes`.
    public func packet(at index: Int) -> ByteBuffer { packets[index] }

    /// Sequence number of the packet at `index`.
    public func sequenceNumber(at index: Int) -> UInt16 {
        firstSequenceNumber &+ UInt16(truncatingIfNeeded: index)
    }
}
