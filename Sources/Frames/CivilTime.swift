import CivilDate

/// A UTC calendar breakdown of a Unix timestamp, computed with integer arithmetic only
/// (proleptic Gregorian calendar, no leap seconds), so clocks can be formatted every
/// frame without Foundation's date formatters.
public struct CivilTime: Equatable, Sendable {
    public var year: Int
    public var month: Int  // 1...12
    public var day: Int  // 1...31
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int
    /// Nanoseconds within the second, 0...999 999 999 (`millisecond` is its first three digits).
    public var nanosecond: Int
    public var dayOfYear: Int  // 1...366
    public var weekday: Int  // 0 = Sunday
    /// Whole seconds since the Unix epoch (floor).
    public var unixSeconds: Int64

    /// Breaks down nanoseconds since 1970-01-01T00:00:00Z. Times before the epoch round
    /// towards the past, so milliseconds are always 0...999.
    public init(unixNanos: Int64) {
        let (secs, nanos) = floorDivide(unixNanos, 1_000_000_000)
        unixSeconds = secs
        nanosecond = Int(nanos)
        millisecond = Int(nanos / 1_000_000)
        let (days, secOfDay) = floorDivide(secs, 86_400)
        hour = Int(secOfDay / 3600)
        minute = Int(secOfDay / 60 % 60)
        second = Int(secOfDay % 60)
        weekday = Int(floorDivide(days + 4, 7).1)  // 1970-01-01 was a Thursday

        let date = CivilDate(daysSinceEpoch: days)
        (year, month, day) = (date.year, date.month, date.day)

        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        dayOfYear = cumulative[month - 1] + day + (CivilDate.isLeap(year) && month > 2 ? 1 : 0)
    }
}
