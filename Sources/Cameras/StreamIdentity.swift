import Randomness

/// The RTP identity of a stream: SSRC, first sequence number and timestamp base
/// (RFC 3550 §5.1 asks for random values). Drawn from the stream's seed so tests
/// can pin exact packets.
public struct StreamIdentity: Sendable, Equatable {
    public var ssrc: UInt32
    public var initialSequenceNumber: UInt16
    public var timestampBase: UInt32

    public init(ssrc: UInt32, initialSequenceNumber: UInt16, timestampBase: UInt32) {
        self.ssrc = ssrc
        self.initialSequenceNumber = initialSequenceNumber
        self.timestampBase = timestampBase
    }

    public init(using generator: inout SeededGenerator) {
        ssrc = UInt32(truncatingIfNeeded: generator.next())
        initialSequenceNumber = UInt16(truncatingIfNeeded: generator.next())
        timestampBase = UInt32(truncatingIfNeeded: generator.next())
    }
}
