/// How a three-component Y'CbCr JPEG samples its chroma, as the luma component's sampling
/// factors in the frame header say (ITU-T T.81 §A.1.1); each chroma component is 1×1.
/// These are the two layouts RFC 2435 §3.1.3 (types 0 and 1) carries.
public enum JPEGChromaSampling: Hashable, Sendable {
    /// Luma 2×1: chroma halved horizontally (RFC 2435 type 0).
    case yuv422
    /// Luma 2×2: chroma halved both ways (RFC 2435 type 1).
    case yuv420

    /// The luma component's Hi/Vi octet in a frame header.
    public var lumaSamplingFactors: UInt8 {
        switch self {
        case .yuv422: 0x21
        case .yuv420: 0x22
        }
    }

    /// The sampling whose luma Hi/Vi octet is `factors`, if it is one of the two.
    public init?(lumaSamplingFactors factors: UInt8) {
        switch factors {
        case 0x21: self = .yuv422
        case 0x22: self = .yuv420
        default: return nil
        }
    }

    /// Width and height of one MCU in pixels (T.81 §A.2.4).
    public var mcuSize: (width: Int, height: Int) {
        switch self {
        case .yuv422: (16, 8)
        case .yuv420: (16, 16)
        }
    }
}
