/// An `xs:duration` (XML Schema Part 2 §3.2.6) as ONVIF's timeouts carry it (`PT10S`,
/// `PT1M30.5S`, `P1DT2H`), counted in nanoseconds. Years and months have no fixed length,
/// so they are refused, as are negative durations: no ONVIF timeout needs them.
public enum XSDuration {
    /// The longest text read; real timeouts are a dozen characters.
    public static let maxLength = 40
    /// The longest duration read: about 292 years fit in an Int64 of nanoseconds, and no
    /// timeout needs more than a few days.
    public static let maxNanoseconds: Int64 = 100 * 365 * 86_400 * 1_000_000_000

    /// Nanoseconds, or nil when `text` is not a day-time `xs:duration` within ``maxNanoseconds``.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxLength, bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return nil }
        var index = 1
        var inTime = false
        var total: Int64 = 0
        var sawField = false
        // Each unit may come once, in order: D, then after T: H, M, S.
        var lastRank = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                guard !inTime, index + 1 < bytes.count else { return nil }
                inTime = true
                index += 1
                continue
            }
            var whole: Int64 = 0
            var digits = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                guard digits < 12 else { return nil }
                whole = whole * 10 + Int64(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            var fraction: Int64 = 0
            var fractionDigits = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                    if fractionDigits < 9 {
                        fraction = fraction * 10 + Int64(bytes[index] - 0x30)
                        fractionDigits += 1
                    }
                    index += 1
                }
                guard fractionDigits > 0 else { return nil }
            }
            guard digits > 0, index < bytes.count else { return nil }
            let unit = bytes[index]
            index += 1
            let rank: Int
            let unitNanoseconds: Int64
            switch (inTime, unit) {
            case (false, UInt8(ascii: "D")): (rank, unitNanoseconds) = (1, 86_400_000_000_000)
            case (true, UInt8(ascii: "H")): (rank, unitNanoseconds) = (2, 3_600_000_000_000)
            case (true, UInt8(ascii: "M")): (rank, unitNanoseconds) = (3, 60_000_000_000)
            case (true, UInt8(ascii: "S")): (rank, unitNanoseconds) = (4, 1_000_000_000)
            default: return nil
            }
            // Only seconds may have a fraction (§3.2.6.1 allows it on the last field; ONVIF uses seconds).
            guard rank > lastRank, fractionDigits == 0 || rank == 4 else { return nil }
            lastRank = rank
            sawField = true
            for _ in fractionDigits..<9 { fraction *= 10 }
            let (product, overflow) = whole.multipliedReportingOverflow(by: unitNanoseconds)
            guard !overflow, product <= maxNanoseconds else { return nil }
            total += product + fraction
            guard total <= maxNanoseconds else { return nil }
        }
        return sawField ? total : nil
    }

    /// `PT…S` for `nanoseconds` (whole seconds, rounded down; negative as `PT0S`).
    public static func format(_ nanoseconds: Int64) -> String {
        "PT\(max(0, nanoseconds / 1_000_000_000))S"
    }
}
