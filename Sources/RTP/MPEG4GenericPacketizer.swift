import NIOCore

/// Turns AAC access units into RTP packets (RFC 3640 `mpeg4-generic`, AAC-hbr): the layout
/// comes from `MPEG4GenericPayloader`; this type writes the RTP header and AU Header Section
/// and copies the unit's bytes, once, into one `ByteBuffer` whose slices are the packets
/// that fan-out hands to every viewer. The storage is reused once the previous batch is gone.
public struct MPEG4GenericPacketizer: Sendable {
    public var ssrc: UInt32
    public var payloadType: UInt8
    public private(set) var nextSequenceNumber: UInt16
    /// Largest RTP packet (header included) produced.
    public let maxPacketSize: Int
    public let layout: MPEG4GenericAUHeaderLayout
    private var storage = ByteBuffer()

    /// `maxPacketSize` is raised to the smallest size that still carries one octet of a unit.
    public init(
        ssrc: UInt32, initialSequenceNumber: UInt16, payloadType: UInt8,
        maxPacketSize: Int = 1400, layout: MPEG4GenericAUHeaderLayout = .aacHBR
    ) {
        self.ssrc = ssrc
        self.payloadType = payloadType
        self.nextSequenceNumber = initialSequenceNumber
        self.layout = layout
        self.maxPacketSize = max(maxPacketSize, RTPHeader.fixedSize + MPEG4GenericPayloader.minimumBudget(layout: layout))
    }

    /// Largest RTP payload: the packet size minus the 12-octet RTP header.
    public var payloadBudget: Int { maxPacketSize - RTPHeader.fixedSize }

    /// Packetizes one access unit, valid for the duration of the call, at `timestamp` (the
    /// sampling instant of its first sample, RFC 3640 §2.1). An empty unit, or one too big
    /// for the AU-size field, yields an empty batch.
    public mutating func packetize(accessUnit: UnsafeRawBufferPointer, timestamp: UInt32) -> RTPPacketBatch {
        let layouts = MPEG4GenericPayloader.plan(accessUnitSize: accessUnit.count, budget: payloadBudget, layout: layout)
        let first = nextSequenceNumber
        guard !layouts.isEmpty else { return RTPPacketBatch(timestamp: timestamp, firstSequenceNumber: first) }
        let payloadOctets = layouts.reduce(0) { $0 + $1.size }
        storage.clear(minimumCapacity: payloadOctets + layouts.count * RTPHeader.fixedSize)
        let section = MPEG4GenericAUHeaderSection(headers: [MPEG4GenericAUHeader(size: accessUnit.count)])
        for payload in layouts {
            RTPHeader(
                marker: payload.isLast, payloadType: payloadType, sequenceNumber: nextSequenceNumber,
                timestamp: timestamp, ssrc: ssrc
            ).write(into: &storage)
            section.write(into: &storage, layout: layout)
            storage.writeBytes(UnsafeRawBufferPointer(rebasing: accessUnit[payload.bytes]))
            nextSequenceNumber &+= 1
        }
        var packets: [ByteBuffer] = []
        packets.reserveCapacity(layouts.count)
        var offset = storage.readerIndex
        for payload in layouts {
            let size = RTPHeader.fixedSize + payload.size
            packets.append(storage.getSlice(at: offset, length: size)!)
            offset += size
        }
        return RTPPacketBatch(
            bytes: storage, packets: packets, timestamp: timestamp, firstSequenceNumber: first,
            containsIDR: true, payloadOctets: payloadOctets
        )
    }
}
