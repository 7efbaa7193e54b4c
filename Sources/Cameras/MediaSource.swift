import Frames
import H264
import H264Syntax
import RTP

/// What produces a video stream's access units: the synthetic renderer and an encoder
/// (`EncodingPipeline` with x264), a recording, a proxied camera or a looped file.
///
/// A codec plugs in with a source that hands its encoded access unit (NAL units, a JPEG
/// frame) to the stream's packetizer, made by `StreamDefinition.makePacketizer` for
/// `StreamDefinition.format`, and with the SDP format parameters it knows once started.
///
/// A stream opens one source per picture size (`StreamDefinition.openMediaSource`), on the
/// encode pool. It asks for one access unit at a time, never two at once, and closes the
/// source when nobody watches; no request runs during or after `close()`.
public protocol MediaSource: AnyObject, Sendable {
    /// What the SDP says about the source's format once it has started: the `a=fmtp`
    /// parameters and, for H.264, the SPS and PPS (RFC 6184 §8.2.1).
    var formatParameters: SourceFormatParameters { get }
    /// Produces the access unit of `request.frame` and packetizes it with `packetizer`
    /// (`packetize(units:timestamp:)`). Returns nil when the source has nothing for this
    /// frame (an encoder's lookahead).
    func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch?
    /// Releases what the source holds.
    func close()
    /// True when `makeAccessUnit` is cheap enough to run on the stream's event loop (a
    /// stored access unit packetized, nothing rendered or encoded): the stream then calls
    /// it there instead of on the encode pool.
    var isCheap: Bool { get }
}

/// The format parameters a started source gives the SDP's `a=fmtp` (RFC 4566 §6).
public struct SourceFormatParameters: Sendable {
    /// H.264's SPS and PPS (`sprop-parameter-sets`, `profile-level-id`, RFC 6184 §8.1);
    /// nil for other formats.
    public var parameterSets: ParameterSets?
    /// Other formats' `a=fmtp` parameters, in order (H.265's `sprop-vps`, AAC's `config`);
    /// empty for H.264, whose line is built from `parameterSets`.
    public var fmtp: [(key: String, value: String)]

    public init(parameterSets: ParameterSets? = nil, fmtp: [(key: String, value: String)] = []) {
        self.parameterSets = parameterSets
        self.fmtp = fmtp
    }

    /// `key=value;key=value`, the `a=fmtp` value after the payload type; nil when empty.
    public var fmtpValue: String? {
        fmtp.isEmpty ? nil : fmtp.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }
}

extension MediaSource {
    /// Sources render or encode, so they run on the encode pool.
    public var isCheap: Bool { false }

    /// The SPS and PPS of an H.264 source (DESCRIBE's `sprop-parameter-sets`).
    public var parameterSets: ParameterSets? { formatParameters.parameterSets }
}

/// One frame a stream asks its source for.
public struct AccessUnitRequest: Sendable {
    /// The frame's slot on the stream's frame clock, its media time and its capture time.
    public var context: FrameContext
    /// The access unit must be a random-access point (an IDR: a viewer is joining, or the stream restarted).
    public var forceIDR: Bool
    /// RTP timestamp of the frame (RFC 3550 §5.1).
    public var rtpTimestamp: UInt32
    /// False while the picture is frozen: the source repeats the previous picture.
    public var redraw: Bool

    public init(context: FrameContext, forceIDR: Bool, rtpTimestamp: UInt32, redraw: Bool = true) {
        self.context = context
        self.forceIDR = forceIDR
        self.rtpTimestamp = rtpTimestamp
        self.redraw = redraw
    }

    /// Index of the frame in the stream's frame clock.
    public var frame: Int64 { context.frameIndex }
}
