extension UTCTime {
    /// The instant in nanoseconds since the Unix epoch (RFC 2326 §3.7: absolute time is
    /// UTC, ISO 8601 basic form). Fraction digits past the ninth are dropped.
    public var unixNanoseconds: Int64 {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
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
        let (y, m, d) = Self.civil(fromDays: days)
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

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }
}
