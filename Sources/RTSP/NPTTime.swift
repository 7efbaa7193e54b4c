/// A normal play time (RFC 2326 §3.6): `now` or seconds from the start of the presentation.
public enum NPTTime: Hashable, Sendable, CustomStringConvertible {
    /// Most digits in any numeric part of a time.
    public static let maximumDigits = 12
    /// Most digits of the hours in `hh:mm:ss`, so that the time still fits `maximumDigits`
    /// digits of seconds when written.
    public static let maximumHourDigits = 8

    case now
    case seconds(Double)

    /// `npt-time = "now" | npt-sec | npt-hhmmss` (RFC 2326 §3.6); `now` in any case, as
    /// literals in the grammar are case-insensitive (RFC 2616 §2.1).
    public init?(parsing text: String) {
        if HeaderSyntax.equalsIgnoringCase(text, "now") {
            self = .now
            return
        }
        let clock = text.split(separator: ":", omittingEmptySubsequences: false)
        switch clock.count {
        case 1:
            guard let seconds = Self.decimal(text) else { return nil }
            self = .seconds(seconds)
        case 3:
            // npt-hhmmss = npt-hh ":" npt-mm ":" npt-ss [ "." *DIGIT ]; mm and ss are 0...59.
            guard let hours = HeaderSyntax.parseDigits(clock[0], maxDigits: Self.maximumHourDigits),
                  clock[1].utf8.count == 2, let minutes = HeaderSyntax.parseDigits(clock[1], maxDigits: 2),
                  minutes < 60,
                  clock[2].utf8.prefix(while: HeaderSyntax.isDigit).count == 2,
                  let seconds = Self.decimal(clock[2]), seconds < 60
            else { return nil }
            self = .seconds(Double(hours) * 3600 + Double(minutes) * 60 + seconds)
        default:
            return nil
        }
    }

    /// `1*DIGIT [ "." *DIGIT ]`.
    private static func decimal(_ text: some StringProtocol) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, HeaderSyntax.parseDigits(parts[0], maxDigits: maximumDigits) != nil else {
            return nil
        }
        if parts.count == 2, !parts[1].isEmpty,
           HeaderSyntax.parseDigits(parts[1], maxDigits: maximumDigits) == nil {
            return nil
        }
        return Double(String(text).hasSuffix(".") ? String(text.dropLast()) : String(text))
    }

    /// The largest number of seconds written: `maximumDigits` digits and three decimals.
    /// Parsed times stay within it; a larger value given in code is written as this bound.
    public static let maximumSeconds: Double = 999_999_999_999.999

    /// `now`, or seconds with three decimals (`0.000`). NaN and negative values are written as
    /// 0, infinities and huge values as `maximumSeconds`: the text always parses back.
    public var serialized: String {
        switch self {
        case .now:
            return "now"
        case .seconds(let raw):
            let value = raw.isNaN ? 0 : min(max(raw, 0), Self.maximumSeconds)
            let millis = Int((value * 1000).rounded())
            let fraction = String(millis % 1000)
            return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
    }

    public var description: String { serialized }

    /// True when both are seconds and `self` comes strictly first; `now` is not ordered.
    public func isBefore(_ other: NPTTime) -> Bool {
        guard case .seconds(let mine) = self, case .seconds(let theirs) = other else { return false }
        return mine < theirs
    }
}
