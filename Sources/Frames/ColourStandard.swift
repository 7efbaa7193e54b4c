/// The Y'CbCr matrix a picture is encoded with.
///
/// camsim follows the usual convention for video without explicit colour metadata:
/// pictures at least 720 lines tall are HD and use ITU-R BT.709; smaller pictures are
/// SD and use ITU-R BT.601. Both are 8-bit limited ("studio" / "video") range.
///
/// The encoding equations (BT.601 §2.5, BT.709 Part 2 §3), for R', G', B' in [0, 1]:
///
///     E'Y  = Kr·R' + (1 − Kr − Kb)·G' + Kb·B'
///     E'Cb = (B' − E'Y) / (2·(1 − Kb))        in [−0.5, 0.5]
///     E'Cr = (R' − E'Y) / (2·(1 − Kr))        in [−0.5, 0.5]
///
///     Y'  = round(16  + 219·E'Y)               black 16, white 235
///     Cb  = round(128 + 224·E'Cb)              16 ... 240
///     Cr  = round(128 + 224·E'Cr)              16 ... 240
///
/// with Kr = 0.299, Kb = 0.114 for BT.601 and Kr = 0.2126, Kb = 0.0722 for BT.709.
/// `round` is round-half-up, applied once at the very end.
public enum ColourStandard: String, Sendable, CaseIterable {
    case bt601
    case bt709

    /// BT.709 for HD (height ≥ 720), BT.601 for SD.
    public static func forPicture(height: Int) -> ColourStandard {
        height >= 720 ? .bt709 : .bt601
    }

    /// Red luma coefficient Kr.
    public var kr: Double {
        switch self {
        case .bt601: 0.299
        case .bt709: 0.2126
        }
    }

    /// Blue luma coefficient Kb.
    public var kb: Double {
        switch self {
        case .bt601: 0.114
        case .bt709: 0.0722
        }
    }

    /// The unrounded limited-range code values for a gamma-corrected R'G'B' colour
    /// (each component in [0, 1]), following the equations above.
    public func exactCodes(r: Double, g: Double, b: Double) -> (y: Double, cb: Double, cr: Double) {
        let ey = kr * r + (1 - kr - kb) * g + kb * b
        return exactCodes(luma: ey, blueDifference: b - ey, redDifference: r - ey)
    }

    /// Unrounded code values from a normalised luma E'Y and the raw colour differences
    /// (B' − E'Y) and (R' − E'Y), scaled by this standard's Cb and Cr factors.
    public func exactCodes(luma ey: Double, blueDifference: Double, redDifference: Double)
        -> (y: Double, cb: Double, cr: Double)
    {
        let ecb = blueDifference / (2 * (1 - kb))
        let ecr = redDifference / (2 * (1 - kr))
        return (16 + 219 * ey, 128 + 224 * ecb, 128 + 224 * ecr)
    }

    /// Decodes limited-range Y'CbCr code values back to R'G'B' in [0, 1] (clamped), by
    /// solving the equations above: E'Y = (Y' − 16)/219, E'Cb = (Cb − 128)/224,
    /// E'Cr = (Cr − 128)/224, R' = E'Y + 2(1 − Kr)·E'Cr, B' = E'Y + 2(1 − Kb)·E'Cb,
    /// G' = (E'Y − Kr·R' − Kb·B') / (1 − Kr − Kb).
    public func decode(y: UInt8, cb: UInt8, cr: UInt8) -> (r: Double, g: Double, b: Double) {
        let ey = (Double(y) - 16) / 219
        let ecb = (Double(cb) - 128) / 224
        let ecr = (Double(cr) - 128) / 224
        let r = ey + 2 * (1 - kr) * ecr
        let b = ey + 2 * (1 - kb) * ecb
        let g = (ey - kr * r - kb * b) / (1 - kr - kb)
        func clamp(_ value: Double) -> Double { min(1, max(0, value)) }
        return (clamp(r), clamp(g), clamp(b))
    }

    /// Encodes an R'G'B' colour (components in [0, 1]) as 8-bit limited-range Y'CbCr.
    public func encode(r: Double, g: Double, b: Double) -> YCbCr {
        let codes = exactCodes(r: r, g: g, b: b)
        return YCbCr(y: Self.quantise(codes.y), cb: Self.quantise(codes.cb), cr: Self.quantise(codes.cr))
    }

    /// Round half up and clamp to the 8-bit range 1...254 (0 and 255 are reserved for
    /// timing references in SDI, so no generator ever writes them).
    public static func quantise(_ value: Double) -> UInt8 {
        let rounded = (value + 0.5).rounded(.down)
        return UInt8(min(254, max(1, rounded)))
    }

    /// The limited-range luma code for a level given as a fraction of the black-to-white
    /// range (0 = black 16, 1 = white 235); levels below 0 are "blacker than black".
    public static func lumaCode(level: Double) -> UInt8 {
        quantise(16 + 219 * level)
    }
}
