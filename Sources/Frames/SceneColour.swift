import Foundation

/// A colour as written in a scene file. It becomes Y'CbCr only when the renderer is
/// built, because the matrix depends on the picture height (BT.709 for HD, BT.601 for SD).
///
/// Accepted spellings:
/// - a name: `black`, `white`, `grey`/`gray` (50%), `red`, `green`, `blue`, `yellow`,
///   `cyan`, `magenta` (100% primaries and secondaries), `transparent` is not a colour:
///   use `opacity: 0` instead;
/// - `#RRGGBB`: gamma-corrected R'G'B', each 00...FF mapped to 0...1;
/// - `ycbcr(Y, Cb, Cr)`: exact 8-bit limited-range codes, used as they are.
public enum SceneColour: Sendable, Equatable {
    case rgb(Double, Double, Double)
    case ycbcr(YCbCr)

    /// The named colours and their R'G'B' values.
    public static let names: [String: (Double, Double, Double)] = [
        "black": (0, 0, 0), "white": (1, 1, 1), "grey": (0.5, 0.5, 0.5), "gray": (0.5, 0.5, 0.5),
        "red": (1, 0, 0), "green": (0, 1, 0), "blue": (0, 0, 1),
        "yellow": (1, 1, 0), "cyan": (0, 1, 1), "magenta": (1, 0, 1),
    ]

    public static func == (a: SceneColour, b: SceneColour) -> Bool {
        switch (a, b) {
        case let (.rgb(r1, g1, b1), .rgb(r2, g2, b2)): r1 == r2 && g1 == g2 && b1 == b2
        case let (.ycbcr(x), .ycbcr(y)): x == y
        default: false
        }
    }

    /// Parses one of the spellings above; nil when it is none of them.
    public init?(parsing text: String) {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let (r, g, b) = Self.names[s] {
            self = .rgb(r, g, b)
        } else if s.hasPrefix("#"), s.count == 7, let v = UInt32(s.dropFirst(), radix: 16) {
            self = .rgb(Double(v >> 16 & 0xFF) / 255, Double(v >> 8 & 0xFF) / 255, Double(v & 0xFF) / 255)
        } else if s.hasPrefix("ycbcr("), s.hasSuffix(")") {
            let parts = s.dropFirst(6).dropLast().split(separator: ",").map { UInt8($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, let y = parts[0], let cb = parts[1], let cr = parts[2] else { return nil }
            self = .ycbcr(YCbCr(y: y, cb: cb, cr: cr))
        } else {
            return nil
        }
    }

    /// The 8-bit code values under a standard.
    public func resolve(_ standard: ColourStandard) -> YCbCr {
        switch self {
        case let .rgb(r, g, b): standard.encode(r: r, g: g, b: b)
        case let .ycbcr(c): c
        }
    }
}
