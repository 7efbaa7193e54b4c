/// A QR code's error-correction level (ISO/IEC 18004:2015 §5.3.8): the share of the
/// symbol's codewords that may be damaged and still be recovered.
public enum QRErrorCorrection: String, Sendable, CaseIterable {
    /// About 7 % recoverable.
    case low = "L"
    /// About 15 % recoverable.
    case medium = "M"
    /// About 25 % recoverable.
    case quartile = "Q"
    /// About 30 % recoverable.
    case high = "H"
}
