/// One encoded stream of a camera, such as a main stream and a lower-resolution sub stream.
public struct StreamConfig: Sendable, Equatable, Hashable {
    /// Stream name, unique within its camera; `main` unless set.
    public var name: String
    /// The video coding: `h264` unless set.
    public var codec: VideoCodec
    /// Picture width in pixels; even, 2…7680.
    public var width: Int
    /// Picture height in pixels; even, 2…4320.
    public var height: Int
    /// Frames per second; greater than 0, at most 240.
    public var fps: Double
    /// Bitrate target or constant quality.
    public var rateControl: RateControl
    /// Frames from one IDR frame to the next; at least 1.
    public var gop: Int
    /// H.264 profile (H.264 streams only).
    public var profile: H264Profile
    /// x264 speed preset.
    public var preset: String
    /// x264 tuning, or nil for none.
    public var tune: String?
    /// The stream's own multicast group and port (`multicast: {group, port}`); nil lets
    /// `MulticastAllocation` give it one from `server.multicast`.
    public var multicast: MulticastEndpoint?
    /// libjpeg quality of a `jpeg` stream (`jpeg_quality`), 1...100.
    public var jpegQuality = StreamConfig.defaultJPEGQuality
    /// Live, shared with identical cameras, or a replayed loop (`mode`).
    public var mode = StreamMode.live
    /// Length of a `loop` stream's loop in seconds (`loop: 10s`).
    public var loopSeconds = StreamConfig.defaultLoopSeconds

    /// A stream with the documented defaults; `gop` defaults to two seconds of frames.
    public init(
        name: String = "main",
        codec: VideoCodec = .h264,
        width: Int = 1280,
        height: Int = 720,
        fps: Double = 30,
        rateControl: RateControl = .default,
        gop: Int? = nil,
        profile: H264Profile = .high,
        preset: String = "ultrafast",
        tune: String? = "zerolatency",
        multicast: MulticastEndpoint? = nil
    ) {
        self.name = name
        self.codec = codec
        self.width = width
        self.height = height
        self.fps = fps
        self.rateControl = rateControl
        self.gop = gop ?? StreamConfig.defaultGOP(fps: fps)
        self.profile = profile
        self.preset = preset
        self.tune = tune
        self.multicast = multicast
    }

    /// A loop's length unless `loop:` says otherwise.
    public static let defaultLoopSeconds = 10.0

    /// A loop stream's GOP unless `gop:` says otherwise: one second of frames, at least 1,
    /// so a new viewer's jump to the loop's nearest IDR stays short.
    public static func defaultLoopGOP(fps: Double) -> Int {
        max(1, Int(fps.rounded()))
    }

    /// Two seconds of frames, at least 1.
    public static func defaultGOP(fps: Double) -> Int {
        max(1, Int((2 * fps).rounded()))
    }
}
