import Foundation

/// Parsers for the value notations of fault profiles, shared by the YAML and
/// URL forms. Each returns nil when the text does not fit; callers report the
/// expected notation.
enum FaultValues {
    /// Splits `text` into a leading decimal number and the rest (the unit), trimmed.
    static func numberAndUnit(_ text: String) -> (Double, String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var end = trimmed.startIndex
        for index in trimmed.indices {
            let c = trimmed[index]
            if c.isNumber || c == "." || ((c == "-" || c == "+") && index == trimmed.startIndex) {
                end = trimmed.index(after: index)
            } else {
                break
            }
        }
        guard end > trimmed.startIndex, let number = Double(trimmed[..<end]), number.isFinite else { return nil }
        let unit = trimmed[end...].trimmingCharacters(in: .whitespaces).lowercased()
        return (number, unit)
    }

    /// A probability: `5%` is 0.05; a bare number is a fraction (`0.05`), or a
    /// percentage when `bareIsPercent` (URL form: `loss=5` is 5 %). Must end up in 0...1.
    static func probability(_ text: String, bareIsPercent: Bool) -> Double? {
        guard let (number, unit) = numberAndUnit(text) else { return nil }
        let value: Double
        switch unit {
        case "%": value = number / 100
        case "": value = bareIsPercent ? number / 100 : number
        default: return nil
        }
        return (0...1).contains(value) ? value : nil
    }

    /// Nanoseconds per duration unit.
    static let durationUnits: [String: Double] = [
        "ns": 1, "us": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9, "sec": 1e9,
        "m": 60e9, "min": 60e9, "h": 3600e9,
    ]

    /// A duration such as `200ms`, `1.5s`, `2m`, `1h`, `500us`; a bare number is
    /// in `bareUnit` nanoseconds. Negative values only when `allowNegative`.
    static func duration(_ text: String, bareUnit: Int64, allowNegative: Bool = false) -> Int64? {
        guard let (number, unit) = numberAndUnit(text) else { return nil }
        let scale: Double
        if unit.isEmpty {
            scale = Double(bareUnit)
        } else if let known = durationUnits[unit] {
            scale = known
        } else {
            return nil
        }
        let nanos = (number * scale).rounded()
        guard abs(nanos) < 9.2e18, allowNegative || nanos >= 0 else { return nil }
        return Int64(nanos)
    }

    /// A bit rate in bits per second: `2mbit`, `500kbit`, `2M`, `2000k`, `4Mbps`,
    /// `1gbit`, or a bare number of bits per second. k/M/G are decimal and
    /// case-insensitive; `bit`, `bps` or `bit/s` may follow. Must be > 0.
    static func bitrate(_ text: String) -> Int64? {
        guard let (number, unit) = numberAndUnit(text) else { return nil }
        var rest = Substring(unit)
        var scale = 1.0
        switch rest.first {
        case "k": scale = 1e3; rest = rest.dropFirst()
        case "m": scale = 1e6; rest = rest.dropFirst()
        case "g": scale = 1e9; rest = rest.dropFirst()
        default: break
        }
        guard ["", "bit", "bps", "bit/s", "bits", "b/s"].contains(String(rest)) else { return nil }
        let bits = (number * scale).rounded()
        guard bits >= 1, bits < 1e13 else { return nil }
        return Int64(bits)
    }

    /// A size in bytes: `1500`, `64KB`, `64k`, `1MB`, `64KiB`, `2MiB` (k/M decimal, Ki/Mi binary).
    static func bytes(_ text: String) -> Int? {
        guard let (number, unit) = numberAndUnit(text) else { return nil }
        let scales: [String: Double] = [
            "": 1, "b": 1, "k": 1e3, "kb": 1e3, "kib": 1024, "m": 1e6, "mb": 1e6, "mib": 1_048_576,
        ]
        guard let scale = scales[unit] else { return nil }
        let value = (number * scale).rounded()
        guard value >= 0, value < 1e12 else { return nil }
        return Int(value)
    }

    /// A queue limit: a duration with `ns`, `us`, `ms` or `s`, else a size in bytes.
    static func queue(_ text: String) -> BandwidthSpec.QueueLimit? {
        if let (_, unit) = numberAndUnit(text), ["ns", "us", "µs", "ms", "s", "sec"].contains(unit) {
            return duration(text, bareUnit: FaultTime.millisecond).map { .time($0) }
        }
        return bytes(text).map { .bytes($0) }
    }

    /// `true`/`false`, `yes`/`no`, `on`/`off`, `1`/`0`.
    static func bool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: return nil
        }
    }

    /// A whole number.
    static func integer(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces))
    }

    /// `WIDTHxHEIGHT`, both positive and even.
    static func frameSize(_ text: String) -> (Int, Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              w >= 2, h >= 2, w % 2 == 0, h % 2 == 0, w <= 7680, h <= 4320 else { return nil }
        return (w, h)
    }
}
