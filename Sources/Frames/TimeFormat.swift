/// A compiled strftime-like format for `{time:FORMAT}` placeholders. Always UTC.
///
/// Supported conversions:
///
/// | code | meaning                                   | example    |
/// |------|-------------------------------------------|------------|
/// | %Y   | year, 4 digits                            | 2026       |
/// | %y   | year within the century, 2 digits         | 26         |
/// | %m   | month 01...12                             | 01         |
/// | %d   | day of the month 01...31                  | 07         |
/// | %j   | day of the year 001...366                 | 007        |
/// | %H   | hour 00...23                              | 13         |
/// | %M   | minute 00...59                            | 05         |
/// | %S   | second 00...59                            | 09         |
/// | %f   | MILLISECONDS, 3 digits 000...999 (truncated, not rounded; note that Python's %f is microseconds) | 042 |
/// | %Nf  | the first N digits (1...9) of the second's fraction, truncated: %3f = %f, %6f microseconds, %9f nanoseconds | 042137 |
/// | %s   | whole seconds since the Unix epoch        | 1767225600 |
/// | %a   | weekday, English abbreviation             | Thu        |
/// | %b   | month, English abbreviation               | Jan        |
/// | %F   | same as %Y-%m-%d                          |            |
/// | %T   | same as %H:%M:%S                          |            |
/// | %z   | UTC offset, always +0000                  |            |
/// | %Z   | zone name, always UTC                     |            |
/// | %%   | a literal %                               |            |
///
/// Any other conversion is rejected when the template is parsed.
public struct TimeFormat: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(String)
        case year4, year2, month, day, dayOfYear, hour, minute, second, unix, weekdayName, monthName
        /// The fraction of the second, truncated to this many digits (1...9).
        case fraction(digits: Int)
    }

    let tokens: [Token]

    /// The conversion letters accepted after `%` (and `%Nf`, N = 1...9).
    public static let supportedCodes = "YymdjHMSfsabFTzZ%"

    /// Compiles a format; throws the offending conversion's description on error.
    public init(_ format: String) throws(TemplateError) {
        var tokens: [Token] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
        }
        var it = format.makeIterator()
        while let c = it.next() {
            guard c == "%" else { literal.append(c); continue }
            guard let code = it.next() else {
                throw TemplateError(message: "time format \"\(format)\" ends with a lone %")
            }
            // %Nf: N digits of the second's fraction.
            if let digits = code.wholeNumberValue, code.isASCII {
                guard (1...9).contains(digits), it.next() == "f" else {
                    throw TemplateError(
                        message: "time conversion %\(code)... in \"\(format)\": a digit after % must be 1...9 followed by f (%3f milliseconds, %6f microseconds, %9f nanoseconds)")
                }
                flush()
                tokens.append(.fraction(digits: digits))
                continue
            }
            switch code {
            case "%": literal.append("%")
            case "z": literal += "+0000"
            case "Z": literal += "UTC"
            default:
                flush()
                switch code {
                case "Y": tokens.append(.year4)
                case "y": tokens.append(.year2)
                case "m": tokens.append(.month)
                case "d": tokens.append(.day)
                case "j": tokens.append(.dayOfYear)
                case "H": tokens.append(.hour)
                case "M": tokens.append(.minute)
                case "S": tokens.append(.second)
                case "f": tokens.append(.fraction(digits: 3))
                case "s": tokens.append(.unix)
                case "a": tokens.append(.weekdayName)
                case "b": tokens.append(.monthName)
                case "F": tokens += [.year4, .literal("-"), .month, .literal("-"), .day]
                case "T": tokens += [.hour, .literal(":"), .minute, .literal(":"), .second]
                default:
                    throw TemplateError(
                        message: "unknown time conversion %\(code) in \"\(format)\"; supported: "
                            + Self.supportedCodes.map { "%\($0)" }.joined(separator: " ") + " %Nf")
                }
            }
        }
        flush()
        self.tokens = tokens
    }

    /// 10^(9 − N): what divides nanoseconds to leave N digits.
    private static let divisors = [1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Appends the formatted time to `out`.
    public func format(_ t: CivilTime, into out: inout String) {
        for token in tokens {
            switch token {
            case .literal(let s): out += s
            case .year4: appendPadded(t.year, 4, &out)
            case .year2: appendPadded(((t.year % 100) + 100) % 100, 2, &out)
            case .month: appendPadded(t.month, 2, &out)
            case .day: appendPadded(t.day, 2, &out)
            case .dayOfYear: appendPadded(t.dayOfYear, 3, &out)
            case .hour: appendPadded(t.hour, 2, &out)
            case .minute: appendPadded(t.minute, 2, &out)
            case .second: appendPadded(t.second, 2, &out)
            case .fraction(let digits): appendPadded(t.nanosecond / Self.divisors[digits], digits, &out)
            case .unix: out += String(t.unixSeconds)
            case .weekdayName: out += Self.weekdays[t.weekday]
            case .monthName: out += Self.months[t.month - 1]
            }
        }
    }
}

/// Appends `value` in decimal, left-padded with zeros to at least `width` digits.
@inline(__always)
func appendPadded(_ value: Int, _ width: Int, _ out: inout String) {
    let digits = String(value.magnitude)
    if value < 0 { out += "-" }
    if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
    out += digits
}
