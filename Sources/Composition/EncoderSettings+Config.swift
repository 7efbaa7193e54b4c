import Config
import H264

extension EncoderSettings {
    /// Encoder settings for a configured stream.
    public init(_ stream: StreamConfig) {
        let rateControl: RateControl
        switch stream.rateControl {
        case .bitrate(let kbps): rateControl = .averageBitrate(kbps: kbps)
        case .crf(let factor): rateControl = .constantRateFactor(factor)
        }
        self.init(
            width: stream.width,
            height: stream.height,
            frameRate: FrameRate(stream.fps),
            rateControl: rateControl,
            gop: stream.gop,
            profile: Profile(rawValue: stream.profile.rawValue) ?? .high,
            preset: stream.preset,
            tune: stream.tune
        )
    }
}
