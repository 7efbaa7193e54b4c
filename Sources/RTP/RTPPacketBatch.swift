/// Every RTP packet of one access unit, serialized back to back in one array so that it can be
/// sent to many receivers by slicing, without copying.
public struct RTPPacketBatch: Sendable {
    /// The packets, each a header followed by its payload.
    public var bytes: [UInt8]
    /// Where each packet lies in `bytes`, in sequence-number order.
    public var packetRanges: [Range<Int>]
    /// RTP timestamp shared by every packet of the batch.
    public var timestamp: UInt32
    /// Sequence number of the first packet; the others follow with wrapping increments.
    public var firstSequenceNumber: UInt16
    /// Whether the access unit carried an IDR slice (NAL type 5).
    public var containsIDR: Bool
    /// Sum of the RTP payload sizes, headers excluded (the sender report's octet count, RFC 3550 §6.4.1).
    public var payloadOctets: Int

    public init(
        bytes: [UInt8] = [],
        packetRanges: [Range<Int>] = [],
        timestamp: UInt32,
        firstSequenceNumber: UInt16,
        containsIDR: Bool = false,
        payloadOctets: Int = 0
    ) {
        self.bytes = bytes
        self.packetRanges = packetRanges
        self.timestamp = timestamp
        self.firstSequenceNumber = firstSequenceNumber
        self.containsIDR = containsIDR
        self.payloadOctets = payloadOctets
    }

    public var packetCount: Int { packetRanges.count }

    /// The packet at `index` (0-based), sharing storage with `bytes`.
    public func packet(at index: Int) -> ArraySlice<UInt8> { bytes[packetRanges[index]] }

    /// Sequence number of the packet at `index`.
    public func sequenceNumber(at index: Int) -> UInt16 {
        firstSequenceNumber &+ UInt16(truncatingIfNeeded: index)
    }
}
