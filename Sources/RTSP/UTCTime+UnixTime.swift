import CivilDate

extension UTCTime {
    /// The instant in nanoseconds since the Unix epoch (RFC 2326 §3.7: absolute time is
    /// UTC, ISO 8601 basic form). Fraction digits past the ninth are dropped.
    public var unixNanoseconds: Int64 {
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        var digits = String(fraction.prefix(9))
        digits += String(repeating: "0", count: 9 - digits.count)
        return seconds * 1_000_000_000 + (Int64(digits) ?? 0)
    }

    /// The UTC time of `nanoseconds` since the Unix epoch, with `fractionDigits` digits
    /// (0...9) of the second, truncated; nil outside the years 0 to 9999.
    public init?(unixNanoseconds nanoseconds: Int64, fractionDigits: Int = 3) {
        let (secondsTotal, remainder) = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        var seconds = secondsTotal, nanos = remainder
        if nanos < 0 { seconds -= 1; nanos += 1_000_000_000 }
        var (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        if secondOfDay < 0 { days -= 1; secondOfDay += 86_400 }
        let date = CivilDate(daysSinceEpoch: days)
        let (y, m, d) = (date.year, date.month, date.day)
        var fraction = ""
        let digits = min(9, max(0, fractionDigits))
        if digits > 0 {
            let text = String(nanos)
            fraction = String((String(repeating: "0", count: 9 - text.count) + text).prefix(digits))
        }
        self.init(
            year: y, month: m, day: d, hour: Int(secondOfDay / 3600), minute: Int(secondOfDay % 3600 / 60),
            second: Int(secondOfDay % 60), fraction: fraction)
    }
}
