import Foundation

/// A position or size in a scene file: pixels or a fraction of the frame.
///
/// The rule: a whole number (`64`) is pixels; a number written with a decimal point
/// (`0.05`, `1.0`) or a percentage (`"5%"`) is a fraction of the frame's width (for x and
/// widths) or height (for y, heights and font sizes). Fractions must lie in 0...1, so
/// `64.0` is rejected rather than read as 6400%. Negative values are not allowed.
public enum Length: Sendable, Equatable {
    case pixels(Int)
    case fraction(Double)

    /// Parses a scalar's text; nil when it is not a length.
    public init?(parsing text: String) {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(s), n >= 0 {
            self = .pixels(n)
        } else if s.hasSuffix("%"), let p = Double(s.dropLast()), p >= 0, p <= 100 {
            self = .fraction(p / 100)
        } else if let f = Double(s), f >= 0, f <= 1 {
            self = .fraction(f)
        } else {
            return nil
        }
    }

    /// Pixels along an axis of `extent` pixels (fractions round half up).
    public func resolve(_ extent: Int) -> Int {
        switch self {
        case .pixels(let n): n
        case .fraction(let f): Int((f * Double(extent) + 0.5).rounded(.down))
        }
    }

    /// Like `resolve`, then rounded down to an even number so regions start and end on
    /// whole chroma samples.
    public func resolveEven(_ extent: Int) -> Int { resolve(extent) & ~1 }
}
