/// A length of time written with units: `10m`, `1h30m`, `90s`, `2d`, `1.5h`, `250ms`.
/// A plain number is seconds. Units: `d` (days), `h`, `m`, `s`, `ms`; the parts add up.
public struct RecordingDuration: Sendable, Equatable {
    public var nanoseconds: Int64

    /// The longest duration accepted: 100 years, far beyond any recording, and small
    /// enough that instants built from it never overflow.
    public static let limitNanoseconds: Int64 = 100 * 366 * 86_400 * 1_000_000_000

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// Parses the text; nil when it is not a non-negative duration within the limit.
    public init?(parsing text: String) {
        let s = Array(text.utf8)
        guard !s.isEmpty, s.count <= 64 else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds * 1e9 <= Double(Self.limitNanoseconds) {
            guard text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") })
            else { return nil }
            nanoseconds = Int64((seconds * 1e9).rounded())
            return
        }
        var total = 0.0
        var i = 0
        var previousUnit = Double.infinity
        while i < s.count {
            let numberStart = i
            while i < s.count, (s[i] >= UInt8(ascii: "0") && s[i] <= UInt8(ascii: "9")) || s[i] == UInt8(ascii: ".") { i += 1 }
            guard i > numberStart, let value = Double(String(decoding: s[numberStart..<i], as: UTF8.self)) else { return nil }
            let unitStart = i
            while i < s.count, s[i] >= UInt8(ascii: "a"), s[i] <= UInt8(ascii: "z") { i += 1 }
            let unit: Double
            switch String(decoding: s[unitStart..<i], as: UTF8.self) {
            case "d": unit = 86_400e9
            case "h": unit = 3_600e9
            case "m": unit = 60e9
            case "s": unit = 1e9
            case "ms": unit = 1e6
            default: return nil
            }
            // Largest unit first, each once: 1h30m, not 30m1h or 1h1h.
            guard unit < previousUnit else { return nil }
            previousUnit = unit
            total += value * unit
        }
        guard total.isFinite, total <= Double(Self.limitNanoseconds) else { return nil }
        nanoseconds = Int64(total.rounded())
    }
}
