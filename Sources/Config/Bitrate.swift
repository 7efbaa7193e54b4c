import Foundation

/// Parses bitrates written the way people write them.
///
/// | written     | meaning             | kbit/s |
/// |-------------|---------------------|--------|
/// | `2000k`     | kilobits per second | 2000   |
/// | `2M`, `2.5M`| megabits per second | 2000, 2500 |
/// | `2000000`   | bits per second     | 2000   |
///
/// Suffixes are case-insensitive and may be followed by `bps` (`2Mbps`).
/// Plain numbers are bits per second and are rounded to the nearest kbit/s.
public enum Bitrate {
    /// kbit/s for `text`, or nil if it is not a bitrate.
    public static func kbps(from text: String) -> Int? {
        var body = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "")
        if body.hasSuffix("bps") { body.removeLast(3) }
        let multiplier: Double
        switch body.last {
        case "k": multiplier = 1; body.removeLast()
        case "m": multiplier = 1000; body.removeLast()
        case "g": multiplier = 1_000_000; body.removeLast()
        default: multiplier = 0.001
        }
        guard let number = Double(body), number.isFinite, number >= 0 else { return nil }
        let kbps = (number * multiplier).rounded()
        guard kbps < Double(Int.max / 2) else { return nil }
        return Int(kbps)
    }
}

extension Bitrate {
    /// Decodes and range-checks a `bitrate:` value.
    static func kbps(field: YAMLField) -> Int? {
        guard let text = field.string(expected: "a bitrate") else { return nil }
        guard let kbps = kbps(from: text) else {
            field.fail("expected a bitrate such as 2000k, 2M or 2000000 (bits/s), found '\(text)'")
            return nil
        }
        if let message = Limits.bitrate(kbps: kbps) {
            field.fail(message)
            return nil
        }
        return kbps
    }
}
