/// An `xs:duration` (XML Schema Part 2 §3.2.6) as ONVIF sends them (`PT10S`, `PT1M30.5S`,
/// `P1DT2H`), in nanoseconds. Years and months have no fixed length and are refused, as is
/// a negative duration.
public enum XSDuration {
    /// The longest duration read: a day is more than any timeout or subscription needs.
    public static let maxNanoseconds: Int64 = 86_400 * 1_000_000_000

    /// Nanoseconds, or nil when `text` is not a non-negative duration of days to seconds
    /// within ``maxNanoseconds``.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.trimmingXMLSpace.utf8)
        guard bytes.count >= 3, bytes.count <= 40, bytes[0] == UInt8(ascii: "P") else { return nil }
        var index = 1
        var inTime = false
        var total = 0.0
        var sawField = false
        var lastUnit = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                guard !inTime else { return nil }
                inTime = true
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
            guard index > start, index < bytes.count,
                  let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { return nil }
            guard let designator = Self.unit(bytes[index], inTime: inTime) else { return nil }
            let (unit, order) = (designator.seconds, designator.order)
            guard order > lastUnit else { return nil }
            lastUnit = order
            total += value * unit
            sawField = true
            index += 1
        }
        guard sawField, !inTime || lastUnit >= 2, total.isFinite, total * 1e9 <= Double(maxNanoseconds) else { return nil }
        return Int64((total * 1e9).rounded())
    }

    /// A number below 1000 with three digits (`7` is `007`).
    private static func threeDigits(_ value: Int64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// A designator's length in seconds and its place in the order D, H, M, S.
    private static func unit(_ designator: UInt8, inTime: Bool) -> (seconds: Double, order: Int)? {
        switch (designator, inTime) {
        case (UInt8(ascii: "D"), false): (86_400, 1)
        case (UInt8(ascii: "H"), true): (3_600, 2)
        case (UInt8(ascii: "M"), true): (60, 3)
        case (UInt8(ascii: "S"), true): (1, 4)
        default: nil
        }
    }

    /// `PTnS` with milliseconds when needed.
    public static func format(_ nanoseconds: Int64) -> String {
        let milliseconds = max(0, nanoseconds) / 1_000_000
        return milliseconds % 1000 == 0 ? "PT\(milliseconds / 1000)S" : "PT\(milliseconds / 1000).\(threeDigits(milliseconds % 1000))S"
    }
}


/// WS-BaseNotification's `AbsoluteOrRelativeTimeType` (§4.2 `InitialTerminationTime`, §6.1
/// `Renew`): an `xs:dateTime` or an `xs:duration` from now.
public enum TerminationTimeValue {
    /// The instant `text` names, nanoseconds since 1970, or nil when it is neither form.
    public static func resolve(_ text: String, now: Int64) -> Int64? {
        let trimmed = text.trimmingXMLSpace
        if trimmed.hasPrefix("P") { return XSDuration.parse(trimmed).map { now + $0 } }
        return XSDateTime.parse(trimmed)
    }
}
