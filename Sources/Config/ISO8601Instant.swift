import CivilDate

/// A UTC instant written in ISO 8601 (RFC 3339 profile), extended or basic:
/// `2026-11-25T10:15:00Z`, `2026-11-25T10:15:00.250+01:00`, `20261125T101500Z`.
/// A zone (`Z` or an offset) is required; seconds may carry up to nine decimals.
/// Leap seconds (`:60`) are not accepted.
public struct ISO8601Instant: Sendable, Equatable {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var unixNanoseconds: Int64

    public init(unixNanoseconds: Int64) {
        self.unixNanoseconds = unixNanoseconds
    }

    public init?(parsing text: String) {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.digits(4) else { return nil }
        let extended = reader.skip("-")
        guard let month = reader.digits(2), !extended || reader.skip("-"), let day = reader.digits(2) else { return nil }
        guard reader.skip("T") || reader.skip("t"),
              let hour = reader.digits(2), !extended || reader.skip(":"),
              let minute = reader.digits(2), !extended || reader.skip(":"),
              let second = reader.digits(2)
        else { return nil }
        var fraction: Int64 = 0
        if reader.skip(".") || reader.skip(",") {
            var count = 0
            while let d = reader.digit() {
                guard count < 9 else { return nil }
                fraction = fraction * 10 + Int64(d)
                count += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<9 { fraction *= 10 }
        }
        var offsetMinutes = 0
        if reader.skip("Z") || reader.skip("z") {
        } else if let sign = reader.sign() {
            guard let h = reader.digits(2) else { return nil }
            _ = reader.skip(":")
            guard let m = reader.digits(2), h <= 23, m <= 59 else { return nil }
            offsetMinutes = sign * (h * 60 + m)
        } else {
            return nil
        }
        guard reader.atEnd, (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        // Nanoseconds in an Int64 reach from 1677 to 2262.
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, nanos <= Int64.max - fraction else { return nil }
        unixNanoseconds = nanos + fraction
    }
}

/// Reads ASCII digits and punctuation from the front of a byte array.
private struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func digit() -> Int? {
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let d = digit() else { return nil }
            value = value * 10 + d
        }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
