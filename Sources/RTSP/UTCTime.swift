import CivilDate

/// An absolute time (RFC 2326 §3.7), as the `clock=` Range unit and the Range `time=`
/// parameter carry it: `YYYYMMDD "T" HHMMSS [ "." fraction ] "Z"`, always UTC.
public struct UTCTime: Hashable, Sendable, CustomStringConvertible {
    /// Most digits after the decimal point.
    public static let maximumFractionDigits = 9

    public var year: Int
    /// 1...12.
    public var month: Int
    /// 1 up to the length of the month.
    public var day: Int
    /// 0...23.
    public var hour: Int
    /// 0...59.
    public var minute: Int
    /// 0...59.
    public var second: Int
    /// The digits after the decimal point, verbatim (empty when there are none).
    public var fraction: String

    /// A time from its fields; nil when a field is out of range or `fraction` holds
    /// anything but up to `maximumFractionDigits` digits.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: String = "") {
        guard (0...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              fraction.utf8.count <= Self.maximumFractionDigits, fraction.utf8.allSatisfy(HeaderSyntax.isDigit)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
    }

    /// `utc-time = utc-date "T" utc-time "Z"`, `utc-date = 8DIGIT`, `utc-time = 6DIGIT [ "." fraction ]`
    /// (RFC 2326 §3.7). Nil for anything else, or for a date or time that does not exist.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        // 8 date digits, T, 6 time digits, Z at the very least.
        // Literals are case-insensitive in the RFC 2326 grammar (RFC 2616 §2.1).
        guard bytes.count >= 16, HeaderSyntax.lowercase(bytes[8]) == UInt8(ascii: "t"),
              HeaderSyntax.lowercase(bytes[bytes.count - 1]) == UInt8(ascii: "z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            HeaderSyntax.parseDigits(String(decoding: bytes[range], as: UTF8.self), maxDigits: range.count)
        }
        var fraction = ""
        if bytes.count > 16 {
            // "." and at least one digit before the Z; `fraction = 1*DIGIT`.
            guard bytes[15] == UInt8(ascii: "."), bytes.count > 17 else { return nil }
            fraction = String(decoding: bytes[16..<(bytes.count - 1)], as: UTF8.self)
            guard !fraction.isEmpty else { return nil }
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction)
    }

    /// `19961108T142300Z`, or `19961108T142300.25Z` with the fraction as received.
    public var serialized: String {
        func pad(_ value: Int, _ digits: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let date = pad(year, 4) + pad(month, 2) + pad(day, 2)
        let time = pad(hour, 2) + pad(minute, 2) + pad(second, 2)
        return date + "T" + time + (fraction.isEmpty ? "" : "." + fraction) + "Z"
    }

    public var description: String { serialized }

    /// True when `self` lies strictly before `other`; fractions compare as decimals
    /// (`.5` and `.50` are the same instant).
    public func isBefore(_ other: UTCTime) -> Bool {
        let left = (year, month, day, hour, minute, second)
        let right = (other.year, other.month, other.day, other.hour, other.minute, other.second)
        if left != right { return left < right }
        let width = max(fraction.utf8.count, other.fraction.utf8.count)
        func padded(_ digits: String) -> String { digits + String(repeating: "0", count: width - digits.utf8.count) }
        return padded(fraction) < padded(other.fraction)
    }
}
