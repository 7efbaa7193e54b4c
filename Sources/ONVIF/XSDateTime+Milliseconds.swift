extension XSDateTime {
    /// How a time is cut to whole milliseconds.
    public enum Rounding: Sendable {
        case down, up
    }

    /// `YYYY-MM-DDThh:mm:ss.mmmZ` (XML Schema Part 2 §3.2.7: a fraction of a second is
    /// allowed), cut to the millisecond `rounding` says: a recording's first instant is
    /// written rounded up and its last rounded down, so both name instants it holds.
    public static func format(_ nanoseconds: Int64, milliseconds rounding: Rounding) -> String {
        let perMillisecond: Int64 = 1_000_000
        var milliseconds = nanoseconds >= 0 ? nanoseconds / perMillisecond : (nanoseconds - perMillisecond + 1) / perMillisecond
        if rounding == .up, milliseconds * perMillisecond < nanoseconds { milliseconds += 1 }
        let whole = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = Int(milliseconds - whole * 1000)
        let seconds = format(whole * 1_000_000_000)
        let digits = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return String(seconds.dropLast()) + "." + digits + "Z"
    }
}
