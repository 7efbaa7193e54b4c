/// What an AAC-LC encoder is opened with.
public struct AACEncoderSettings: Hashable, Sendable {
    /// Samples per second (one of `supportedRates`).
    public var sampleRate: Int
    /// Interleaved channels in the input, 1 or 2.
    public var channels: Int
    /// Target bit rate in bits per second.
    public var bitRate: Int

    /// The rates camsim offers for AAC: wideband speech and the two music rates.
    public static let supportedRates = [16_000, 44_100, 48_000]
    /// The channel counts camsim offers for AAC.
    public static let supportedChannels = 1...2

    /// `bitRate` defaults to 64 kbit/s per channel (32 kbit/s per channel at 16 kHz).
    public init(sampleRate: Int, channels: Int = 1, bitRate: Int? = nil) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitRate = bitRate ?? (sampleRate <= 16_000 ? 32_000 : 64_000) * channels
    }
}
