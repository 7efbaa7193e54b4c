/// Why the AAC encoder could not be opened or could not encode.
public enum AACEncoderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libavcodec has no native AAC encoder (built without it).
    case encoderUnavailable
    /// The sample rate or channel count is not one the encoder accepts here.
    case unsupportedFormat(sampleRate: Int, channels: Int)
    /// A libavcodec call failed: which one, and libavcodec's message.
    case libavcodec(call: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case .encoderUnavailable:
            "libavcodec has no native AAC encoder"
        case .unsupportedFormat(let rate, let channels):
            "AAC encoding of \(rate) Hz with \(channels) channels is not supported"
        case .libavcodec(let call, let code, let message):
            "\(call) failed (\(code)): \(message)"
        }
    }
}
