import JPEGSyntax

/// Why a picture could not be JPEG-encoded.
public enum JPEGError: Error, Equatable, CustomStringConvertible {
    /// The quality is outside 1...100.
    case qualityOutOfRange(Int)
    /// libjpeg-turbo could not make a compressor.
    case cannotCreateCompressor(String)
    /// libjpeg-turbo refused the picture (its message).
    case compressionFailed(String)
    /// The encoder's output is not the baseline JPEG RFC 2435 carries (the parser's reason).
    case unexpectedOutput(BaselineJPEGError)

    public var description: String {
        switch self {
        case .qualityOutOfRange(let quality): "JPEG quality \(quality) is outside 1...100"
        case .cannotCreateCompressor(let message): "cannot create a JPEG compressor: \(message)"
        case .compressionFailed(let message): "JPEG compression failed: \(message)"
        case .unexpectedOutput(let reason): "the JPEG encoder wrote what RFC 2435 cannot carry: \(reason)"
        }
    }
}
