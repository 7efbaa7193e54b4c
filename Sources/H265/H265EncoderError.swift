/// Why an H.265 encoder could not be opened or could not encode.
public enum H265EncoderError: Error, CustomStringConvertible, Equatable {
    case unknownPreset(String)
    case unknownTune(String)
    case optionRejected(name: String, value: String)
    case openFailed(width: Int, height: Int)
    case headersFailed
    case encodeFailed(code: Int32)

    public var description: String {
        switch self {
        case .unknownPreset(let name): "x265 does not know the preset '\(name)'"
        case .unknownTune(let name): "x265 does not know the tune '\(name)'"
        case .optionRejected(let name, let value): "x265 rejected the option \(name)=\(value)"
        case .openFailed(let width, let height): "x265 refused to open an encoder for \(width)x\(height)"
        case .headersFailed: "x265 could not produce VPS/SPS/PPS"
        case .encodeFailed(let code): "x265 failed to encode a frame (code \(code))"
        }
    }
}
