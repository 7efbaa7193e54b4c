/// How the encoder spends bits.
public enum RateControl: Sendable, Equatable, Hashable {
    /// Average bitrate in kilobits per second (1 kbit = 1000 bits).
    case bitrate(kbps: Int)
    /// Constant rate factor, 0 (lossless) to 51 (worst); x264's default is 23.
    case crf(Double)

    /// 2000 kbit/s.
    public static let `default` = RateControl.bitrate(kbps: 2000)
}
