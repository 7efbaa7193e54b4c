import CivilDate

/// An `xs:dateTime` in UTC (XML Schema Part 2 §3.2.7), as WS-Security's `wsu:Created`
/// carries it (`2026-11-26T10:00:00Z`, `…T10:00:00.123+01:00`), counted in nanoseconds
/// since 1970. A value without a zone is taken as UTC, as ONVIF clients mean it.
public enum XSDateTime {
    /// The years read: nanoseconds since 1970 in an Int64 reach from 1677 to 2262.
    static let supportedYears = 1900...2200

    /// Nanoseconds since 1970-01-01T00:00:00Z, or nil when `text` is not an xs:dateTime.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes.count <= 40 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (0x30...0x39).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), supportedYears.contains(year), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var nanoseconds: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                if digits < 9 { nanoseconds = nanoseconds * 10 + Int64(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count {
                index += 1
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                      bytes[index + 3] == UInt8(ascii: ":"),
                      let hours = number((index + 1)..<(index + 3)), let minutes = number((index + 4)..<(index + 6)),
                      hours <= 14, minutes < 60 {
                offsetSeconds = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
                index += 6
            } else {
                return nil
            }
        }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return seconds * 1_000_000_000 + nanoseconds
    }

    /// `YYYY-MM-DDThh:mm:ssZ` for a time in nanoseconds since 1970 (whole seconds).
    public static func format(_ nanoseconds: Int64) -> String {
        let parts = UTCParts(nanoseconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }
}

/// A UTC time split into calendar fields, for `tt:DateTime` and `xs:dateTime`.
public struct UTCParts: Sendable, Equatable {
    public var year, month, day, hour, minute, second: Int

    public init(_ nanoseconds: Int64) {
        let seconds = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let inDay = Int(seconds - days * 86_400)
        year = date.year
        month = date.month
        day = date.day
        hour = inDay / 3600
        minute = inDay % 3600 / 60
        second = inDay % 60
    }
}
