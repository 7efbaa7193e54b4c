import RTP

/// An audio encoder a track drives (G.711, AAC): it encodes the signal one access unit
/// at a time, each named by the index of its first sample counted from the track's origin,
/// so the signal is a pure function of time and never drifts from the video.
///
/// A track asks for one unit at a time, on its event loop, in increasing sample order
/// (units nobody needed may be skipped).
public protocol AudioEncoding: AnyObject, Sendable {
    /// Samples per channel in one access unit: 160 for 20 ms of G.711 at 8 kHz
    /// (RFC 3551 §4.5.14), 1024 for AAC-LC.
    var samplesPerUnit: Int { get }
    /// The SDP `a=fmtp` parameters of the format (AAC's `config=`); empty for G.711.
    var formatParameters: SourceFormatParameters { get }
    /// Encodes the unit starting at sample `firstSample` (captured at `wallClockNanos`,
    /// nanoseconds since the Unix epoch) and hands its encoded parts to `body`, which
    /// packetizes them while they are valid. Nil when the encoder has nothing to give yet.
    func encodeUnit<Result>(
        firstSample: Int64, wallClockNanos: Int64, _ body: ([UnsafeRawBufferPointer]) throws -> Result
    ) throws -> Result?
}

/// The audio track of a stream: its RTP format and how its encoder and packetizer are made.
public struct AudioTrackDefinition: Sendable {
    /// Payload type, clock rate (the sample rate), encoding name and channels.
    public var format: RTPPayloadFormat
    /// Largest RTP packet, header included.
    public var maxPacketSize: Int
    /// Makes the track's packetizer: `AudioFramePacketizer` for sample-based audio.
    public var makePacketizer: RTPPacketizerFactory
    /// Opens the encoder when the first viewer comes (on the track's event loop).
    public var makeEncoder: @Sendable () throws -> any AudioEncoding

    public init(
        format: RTPPayloadFormat, maxPacketSize: Int = 1400,
        makePacketizer: @escaping RTPPacketizerFactory = AudioFramePacketizer.factory,
        makeEncoder: @escaping @Sendable () throws -> any AudioEncoding
    ) {
        self.format = format
        self.maxPacketSize = maxPacketSize
        self.makePacketizer = makePacketizer
        self.makeEncoder = makeEncoder
    }
}
