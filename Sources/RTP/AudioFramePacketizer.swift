import NIOCore

/// Packetizes sample-based audio (RFC 3551 §4.2, e.g. G.711 §4.5.14): each access unit is
/// one packet whose payload is the unit's parts back to back, so a 20 ms G.711 unit is one
/// 160-octet packet at 8 kHz. The marker is set on the first packet only, the start of
/// the one talkspurt a continuous signal has (RFC 3551 §4.1). Every unit is a
/// random-access point.
///
/// The buffer is reused for the next unit once nobody holds the previous one's packet,
/// so a track whose viewers keep up allocates no packet memory in steady state.
public struct AudioFramePacketizer: RTPPacketizer {
    public var ssrc: UInt32
    public var payloadType: UInt8
    public private(set) var nextSequenceNumber: UInt16
    public let maxPacketSize: Int
    private var sentFirst: Bool
    private var storage = ByteBuffer()

    public init(ssrc: UInt32, initialSequenceNumber: UInt16, payloadType: UInt8, maxPacketSize: Int = 1400) {
        self.init(ssrc: ssrc, initialSequenceNumber: initialSequenceNumber, payloadType: payloadType,
                  maxPacketSize: maxPacketSize, sentFirst: false)
    }

    private init(ssrc: UInt32, initialSequenceNumber: UInt16, payloadType: UInt8, maxPacketSize: Int, sentFirst: Bool) {
        self.ssrc = ssrc
        self.payloadType = payloadType
        self.nextSequenceNumber = initialSequenceNumber
        self.maxPacketSize = max(maxPacketSize, RTPHeader.fixedSize + 1)
        self.sentFirst = sentFirst
    }

    /// One packet holding `units` back to back; their total must fit `maxPacketSize` less
    /// the 12-octet header (what does not fit is cut off: a unit is sized to fit).
    public mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        let first = nextSequenceNumber
        var payloadOctets = min(units.reduce(0) { $0 + $1.count }, maxPacketSize - RTPHeader.fixedSize)
        guard payloadOctets > 0 else { return RTPPacketBatch(timestamp: timestamp, firstSequenceNumber: first) }
        storage.clear(minimumCapacity: RTPHeader.fixedSize + payloadOctets)
        RTPHeader(marker: !sentFirst, payloadType: payloadType, sequenceNumber: first, timestamp: timestamp, ssrc: ssrc)
            .write(into: &storage)
        var room = payloadOctets
        for unit in units where room > 0 {
            let part = UnsafeRawBufferPointer(rebasing: unit.prefix(room))
            storage.writeBytes(part)
            room -= part.count
        }
        payloadOctets -= room
        sentFirst = true
        nextSequenceNumber &+= 1
        let packet = storage.getSlice(at: storage.readerIndex, length: RTPHeader.fixedSize + payloadOctets)!
        return RTPPacketBatch(
            bytes: storage, packets: [packet], timestamp: timestamp, firstSequenceNumber: first,
            containsIDR: true, payloadOctets: payloadOctets)
    }

    public func continuing() -> AudioFramePacketizer {
        AudioFramePacketizer(
            ssrc: ssrc, initialSequenceNumber: nextSequenceNumber, payloadType: payloadType,
            maxPacketSize: maxPacketSize, sentFirst: sentFirst)
    }

    /// The factory an audio track uses for sample-based audio.
    public static let factory: RTPPacketizerFactory = { ssrc, sequence, payloadType, maxPacketSize in
        AudioFramePacketizer(ssrc: ssrc, initialSequenceNumber: sequence, payloadType: payloadType, maxPacketSize: maxPacketSize)
    }
}
