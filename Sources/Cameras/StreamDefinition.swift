import Frames
import H264
import RTP

/// Everything needed to run one stream of one camera: what to draw, how to encode
/// it and how to packetize it, and the audio track that goes with it.
public struct StreamDefinition: Sendable {
    /// The camera's name, shown by text overlays.
    public var cameraName: String
    /// The stream's name within its camera (`main`, `sub`).
    public var streamName: String
    public var encoder: EncoderSettings
    /// The RTP payload format: payload type and clock rate for the packets, `a=rtpmap` for the SDP.
    public var format: RTPPayloadFormat
    /// Makes the packetizer of `format` (H.264's by default); a codec sets its own with its source.
    public var makePacketizer: RTPPacketizerFactory
    /// The stream's audio track, sent beside the video (`trackID=1`); nil: video only.
    public var audio: AudioTrackDefinition?
    /// Largest RTP packet, header included (the MTU budget).
    public var maxPacketSize: Int
    /// How long the encoder lingers after the last viewer leaves before it is closed.
    public var idleStopDelayNanoseconds: Int64
    /// Encode even with nobody watching.
    public var alwaysOn: Bool
    /// Seed for SSRC, sequence and timestamp bases and for noise; nil picks one at random.
    public var seed: UInt64?
    /// Makes the frame source for this stream's size. Called on an encode thread.
    public var makeSource: @Sendable (_ width: Int, _ height: Int) throws -> any FrameSource
    /// Opens the stream's media source for `sized` (this definition, with the encoder's
    /// width and height set to the picture size wanted now). Called on an encode thread.
    /// The default is the synthetic source: `makeSource` rendered and encoded by x264.
    public var openMediaSource: @Sendable (_ sized: StreamDefinition) throws -> any MediaSource
    /// The camera's picture faults when the stream starts; `CameraStream.setPictureFaults`
    /// replaces them while it runs.
    public var pictureFaults: PictureFaults
    /// Set for a `mode: shared` stream: the encoder it shares (`shareEncoder`); nil: its own.
    public var sharing: SharedEncoding?
    /// Set for a proxy camera's stream: its access units come from this upstream, and
    /// `encoder`, `makeSource` and `openMediaSource` go unused.
    public var proxy: ProxySettings?
    /// Set for a loop stream (`playAsLoop`): its pictures are recorded once and replayed.
    public var loop: LoopSettings?

    public init(
        cameraName: String,
        streamName: String = "main",
        encoder: EncoderSettings,
        format: RTPPayloadFormat = .h264,
        maxPacketSize: Int = 1400,
        idleStopDelayNanoseconds: Int64 = 5_000_000_000,
        alwaysOn: Bool = false,
        seed: UInt64? = nil,
        makeSource: @escaping @Sendable (_ width: Int, _ height: Int) throws -> any FrameSource
    ) {
        self.cameraName = cameraName
        self.streamName = streamName
        self.encoder = encoder
        self.format = format
        self.makePacketizer = H264Packetizer.factory
        self.audio = nil
        self.maxPacketSize = maxPacketSize
        self.idleStopDelayNanoseconds = idleStopDelayNanoseconds
        self.alwaysOn = alwaysOn
        self.seed = seed
        self.makeSource = makeSource
        self.openMediaSource = { sized in try EncodingPipeline(definition: sized) }
        self.pictureFaults = .none
    }

    /// The configured picture size.
    public var size: PictureSize { PictureSize(width: encoder.width, height: encoder.height) }
}
