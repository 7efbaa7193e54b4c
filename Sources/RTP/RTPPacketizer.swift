/// Turns one access unit of one payload format into RTP packets (RFC 3550 §5.1 headers and
/// the format's payload layout), written once into one buffer whose slices are handed to
/// every viewer. Each format has one: `H264Packetizer` (RFC 6184), `AudioFramePacketizer`
/// (sample-based audio such as G.711, RFC 3551 §4.2); H.265 (RFC 7798), JPEG (RFC 2435)
/// and AAC (RFC 3640) add theirs.
///
/// The packetizer also says what a random-access point is: it sets
/// `RTPPacketBatch.containsIDR` on a unit a decoder can start from (an H.264 IDR, an
/// H.265 IRAP, every JPEG frame, every audio unit), which is where a joining or
/// recovering viewer starts.
///
/// A stream owns one packetizer and lends it to one encode job at a time, so a packetizer
/// may keep its buffer from one unit to the next and allocate nothing in steady state.
public protocol RTPPacketizer: Sendable {
    var ssrc: UInt32 { get }
    var payloadType: UInt8 { get }
    /// The sequence number the next packet gets.
    var nextSequenceNumber: UInt16 { get }
    /// Largest RTP packet, header included.
    var maxPacketSize: Int { get }
    /// Packetizes one access unit given as its parts, valid for the duration of the call:
    /// NAL units without start codes (H.264, H.265), a JPEG frame, encoded audio frames.
    mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch
    /// A fresh packetizer of the same format and SSRC whose numbering continues at
    /// `nextSequenceNumber` (kept by the stream while an encode job holds this one).
    func continuing() -> Self
}

/// Makes a track's packetizer for its RTP identity.
public typealias RTPPacketizerFactory = @Sendable (
    _ ssrc: UInt32, _ initialSequenceNumber: UInt16, _ payloadType: UInt8, _ maxPacketSize: Int
) -> any RTPPacketizer

extension H264Packetizer: RTPPacketizer {
    public mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        packetize(nalUnits: units, timestamp: timestamp)
    }

    public func continuing() -> H264Packetizer {
        H264Packetizer(
            ssrc: ssrc, initialSequenceNumber: nextSequenceNumber, payloadType: payloadType,
            maxPacketSize: maxPacketSize)
    }

    /// The factory a stream uses for H.264 (RFC 6184, packetization-mode=1).
    public static let factory: RTPPacketizerFactory = { ssrc, sequence, payloadType, maxPacketSize in
        H264Packetizer(ssrc: ssrc, initialSequenceNumber: sequence, payloadType: payloadType, maxPacketSize: maxPacketSize)
    }
}
