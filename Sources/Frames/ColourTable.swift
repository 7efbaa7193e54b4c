/// The exact 8-bit Y'CbCr values the bar generators write, for one colour standard.
///
/// Every entry is the rounded result of the equations documented on `ColourStandard`
/// (Y' = 16 + 219·E'Y, Cb = 128 + 224·(B'−E'Y)/(2(1−Kb)), Cr = 128 + 224·(R'−E'Y)/(2(1−Kr))).
/// The unrounded value is written beside each entry; the tests recompute every entry from
/// the equation, so the literals and the standard cannot drift apart.
public struct ColourTable: Sendable, Equatable {
    public let standard: ColourStandard

    // 75% bars: R'G'B' components are 0 or 0.75.
    public let white75: YCbCr
    public let yellow75: YCbCr
    public let cyan75: YCbCr
    public let green75: YCbCr
    public let magenta75: YCbCr
    public let red75: YCbCr
    public let blue75: YCbCr

    // 100% bars: R'G'B' components are 0 or 1.
    public let white100: YCbCr
    public let yellow100: YCbCr
    public let cyan100: YCbCr
    public let green100: YCbCr
    public let magenta100: YCbCr
    public let red100: YCbCr
    public let blue100: YCbCr
    public let black: YCbCr

    /// −I and +Q: zero-luma chroma phasors on the NTSC I and Q axes with a 20% amplitude
    /// (SMPTE EG 1 bottom band). With U = 0.492111·(B'−Y'), V = 0.877283·(R'−Y') and the
    /// I/Q axes rotated 33° from U/V:
    ///     −I: U = 0.2·sin 33°,  V = −0.2·cos 33°  →  B'−Y' = 0.2213, R'−Y' = −0.1912
    ///     +Q: U = 0.2·cos 33°,  V =  0.2·sin 33°  →  B'−Y' = 0.3408, R'−Y' =  0.1242
    /// The colour differences are then scaled with this standard's Cb/Cr factors.
    public let minusI: YCbCr
    public let plusQ: YCbCr

    /// PLUGE steps around black, as fractions of the black-to-white range:
    /// −4% → 16 − 8.76 = 7.24 → 7,  +4% → 16 + 8.76 = 24.76 → 25. Chroma neutral.
    public let plugeBelowBlack: YCbCr
    public let plugeAboveBlack: YCbCr

    /// The table for a standard.
    public static func table(for standard: ColourStandard) -> ColourTable {
        switch standard {
        case .bt601: bt601
        case .bt709: bt709
        }
    }

    /// ITU-R BT.601 (SD), Kr = 0.299, Kb = 0.114.
    public static let bt601 = ColourTable(
        standard: .bt601,
        white75: YCbCr(y: 180, cb: 128, cr: 128),  // 180.250, 128.000, 128.000
        yellow75: YCbCr(y: 162, cb: 44, cr: 142),  // 161.526,  44.000, 141.660
        cyan75: YCbCr(y: 131, cb: 156, cr: 44),  // 131.139, 156.348,  44.000
        green75: YCbCr(y: 112, cb: 72, cr: 58),  // 112.415,  72.348,  57.660
        magenta75: YCbCr(y: 84, cb: 184, cr: 198),  //  83.835, 183.652, 198.340
        red75: YCbCr(y: 65, cb: 100, cr: 212),  //  65.111,  99.652, 212.000
        blue75: YCbCr(y: 35, cb: 212, cr: 114),  //  34.725, 212.000, 114.340
        white100: YCbCr(y: 235, cb: 128, cr: 128),  // 235.000, 128.000, 128.000
        yellow100: YCbCr(y: 210, cb: 16, cr: 146),  // 210.034,  16.000, 146.214
        cyan100: YCbCr(y: 170, cb: 166, cr: 16),  // 169.519, 165.797,  16.000
        green100: YCbCr(y: 145, cb: 54, cr: 34),  // 144.553,  53.797,  34.214
        magenta100: YCbCr(y: 106, cb: 202, cr: 222),  // 106.447, 202.203, 221.786
        red100: YCbCr(y: 81, cb: 90, cr: 240),  //  81.481,  90.203, 240.000
        blue100: YCbCr(y: 41, cb: 240, cr: 110),  //  40.966, 240.000, 109.786
        black: YCbCr(y: 16, cb: 128, cr: 128),  //  16.000, 128.000, 128.000
        minusI: YCbCr(y: 16, cb: 156, cr: 97),  //  16.000, 155.981,  97.452
        plusQ: YCbCr(y: 16, cb: 171, cr: 148),  //  16.000, 171.087, 147.838
        plugeBelowBlack: YCbCr(y: 7, cb: 128, cr: 128),
        plugeAboveBlack: YCbCr(y: 25, cb: 128, cr: 128)
    )

    /// ITU-R BT.709 (HD), Kr = 0.2126, Kb = 0.0722.
    public static let bt709 = ColourTable(
        standard: .bt709,
        white75: YCbCr(y: 180, cb: 128, cr: 128),  // 180.250, 128.000, 128.000
        yellow75: YCbCr(y: 168, cb: 44, cr: 136),  // 168.391,  44.000, 135.702
        cyan75: YCbCr(y: 145, cb: 147, cr: 44),  // 145.330, 147.248,  44.000
        green75: YCbCr(y: 133, cb: 63, cr: 52),  // 133.472,  63.248,  51.702
        magenta75: YCbCr(y: 63, cb: 193, cr: 204),  //  62.778, 192.752, 204.298
        red75: YCbCr(y: 51, cb: 109, cr: 212),  //  50.920, 108.752, 212.000
        blue75: YCbCr(y: 28, cb: 212, cr: 120),  //  27.859, 212.000, 120.298
        white100: YCbCr(y: 235, cb: 128, cr: 128),  // 235.000, 128.000, 128.000
        yellow100: YCbCr(y: 219, cb: 16, cr: 138),  // 219.188,  16.000, 138.270
        cyan100: YCbCr(y: 188, cb: 154, cr: 16),  // 188.441, 153.664,  16.000
        green100: YCbCr(y: 173, cb: 42, cr: 26),  // 172.629,  41.664,  26.270
        magenta100: YCbCr(y: 78, cb: 214, cr: 230),  //  78.371, 214.336, 229.730
        red100: YCbCr(y: 63, cb: 102, cr: 240),  //  62.559, 102.336, 240.000
        blue100: YCbCr(y: 32, cb: 240, cr: 118),  //  31.812, 240.000, 117.730
        black: YCbCr(y: 16, cb: 128, cr: 128),  //  16.000, 128.000, 128.000
        minusI: YCbCr(y: 16, cb: 155, cr: 101),  //  16.000, 154.720, 100.804
        plusQ: YCbCr(y: 16, cb: 169, cr: 146),  //  16.000, 169.145, 145.661
        plugeBelowBlack: YCbCr(y: 7, cb: 128, cr: 128),
        plugeAboveBlack: YCbCr(y: 25, cb: 128, cr: 128)
    )

    /// The seven bars in SMPTE/EBU order at 75% amplitude (white, yellow, cyan, green,
    /// magenta, red, blue).
    public var bars75: [YCbCr] { [white75, yellow75, cyan75, green75, magenta75, red75, blue75] }

    /// The seven bars in the same order at 100% amplitude.
    public var bars100: [YCbCr] { [white100, yellow100, cyan100, green100, magenta100, red100, blue100] }

    /// −I colour differences (B'−Y', R'−Y'), derived above.
    public static let minusIDifferences = iqDifferences(u: 0.2 * sin33, v: -0.2 * cos33)
    /// +Q colour differences (B'−Y', R'−Y'), derived above.
    public static let plusQDifferences = iqDifferences(u: 0.2 * cos33, v: 0.2 * sin33)

    private static let sin33 = 0.544_639_035_015_027_1  // sin(33°)
    private static let cos33 = 0.838_670_567_945_424_0  // cos(33°)

    private static func iqDifferences(u: Double, v: Double) -> (blue: Double, red: Double) {
        (u / 0.492_111, v / 0.877_283)
    }
}
