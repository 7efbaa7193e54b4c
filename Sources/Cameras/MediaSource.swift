import Frames
import H264
import RTP

/// What produces a stream's access units. Today that is the synthetic renderer and x264
/// encoder (`EncodingPipeline`); a recording, a proxied camera or a looped file are others.
///
/// A stream opens one source per picture size (`StreamDefinition.openMediaSource`), on the
/// encode pool. It asks for one access unit at a time, never two at once, and closes the
/// source when nobody watches; no request runs during or after `close()`.
public protocol MediaSource: AnyObject, Sendable {
    /// The SPS and PPS, for the SDP's `sprop-parameter-sets` (RFC 6184 §8.2.1).
    var parameterSets: ParameterSets { get }
    /// Produces the access unit of `request.frame` and packetizes it with `packetizer`.
    /// Returns nil when the source has nothing for this frame (an encoder's lookahead).
    func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout H264Packetizer) throws -> RTPPacketBatch?
    /// Releases what the source holds.
    func close()
}

/// One frame a stream asks its source for.
public struct AccessUnitRequest: Sendable {
    /// The frame's slot on the stream's frame clock, its media time and its capture time.
    public var context: FrameContext
    /// The access unit must be an IDR (a viewer is joining, or the stream restarted).
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
