/// How one stream is encoded: size, rate, rate control, GOP, profile and x264 preset.
public struct EncoderSettings: Sendable, Hashable {
    public enum RateControl: Sendable, Hashable {
        /// Average bitrate in kbit/s, with a one-second VBV buffer so the stream suits live delivery.
        case averageBitrate(kbps: Int)
        /// Constant rate factor (0-51, lower is better quality).
        case constantRateFactor(Double)
    }

    public enum Profile: String, Sendable, Hashable, CaseIterable {
        case baseline, main, high
    }

    public var width: Int
    public var height: Int
    public var frameRate: FrameRate
    public var rateControl: RateControl
    /// Frames between IDRs (the keyframe interval).
    public var gop: Int
    public var profile: Profile
    /// An x264 preset name: ultrafast ... placebo.
    public var preset: String
    /// An x264 tune, `zerolatency` unless told otherwise.
    public var tune: String?
    /// x264 worker threads for this encoder; 1 keeps one camera on one core.
    public var threads: Int
    /// The frame rate the SPS VUI timing announces when it is not the real one (a
    /// declared-frame-rate fault); nil announces `frameRate`.
    public var signalledFrameRate: FrameRate?

    public init(
        width: Int,
        height: Int,
        frameRate: FrameRate,
        rateControl: RateControl = .averageBitrate(kbps: 2000),
        gop: Int? = nil,
        profile: Profile = .high,
        preset: String = "ultrafast",
        tune: String? = "zerolatency",
        threads: Int = 1
    ) {
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.rateControl = rateControl
        self.gop = gop ?? max(1, Int((frameRate.framesPerSecond * 2).rounded()))
        self.profile = profile
        self.preset = preset
        self.tune = tune
        self.threads = threads
    }

    /// The frame rate written into the SPS.
    public var announcedFrameRate: FrameRate { signalledFrameRate ?? frameRate }
}
