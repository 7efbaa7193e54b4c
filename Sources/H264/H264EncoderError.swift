/// Why an encoder could not be opened or could not encode.
public enum H264EncoderError: Error, CustomStringConvertible, Equatable {
    case unknownPreset(String)
    case unknownTune(String)
    case profileRejected(String)
    case openFailed(width: Int, height: Int)
    case pictureAllocationFailed
    case headersFailed
    case encodeFailed(code: Int32)

    public var description: String {
        switch self {
        case .unknownPreset(let name): "x264 does not know the preset '\(name)'"
        case .unknownTune(let name): "x264 does not know the tune '\(name)'"
        case .profileRejected(let name): "x264 cannot apply profile '\(name)' to these settings"
        case .openFailed(let width, let height): "x264 refused to open an encoder for \(width)x\(height)"
        case .pictureAllocationFailed: "x264 could not allocate an input picture"
        case .headersFailed: "x264 could not produce SPS/PPS"
        case .encodeFailed(let code): "x264 failed to encode a frame (code \(code))"
        }
    }
}
