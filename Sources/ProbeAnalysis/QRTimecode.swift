import CivilDate

/// The text camsim's `timecode` scene writes into its QR code (Patterns/timecode.yaml,
/// template `{time:%Y-%m-%dT%H:%M:%S.%fZ} {frame}`): the frame's capture instant in UTC
/// to the millisecond, a space, and the frame number, such as
/// `2026-11-26T10:15:00.033Z 1`. Parsing is strict; anything else is nil.
public struct QRTimecode: Hashable, Sendable {
    /// The capture instant, milliseconds since 1970-01-01 UTC.
    public var unixMilliseconds: Int64
    /// The frame number, when the text carries one.
    public var frame: Int?

    public init(unixMilliseconds: Int64, frame: Int? = nil) {
        self.unixMilliseconds = unixMilliseconds
        self.frame = frame
    }

    /// Longest text accepted: the timestamp (24 characters), a space, and a frame number.
    public static let maxLength = 64

    public static func parse(_ text: String) -> QRTimecode? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 24, bytes.count <= maxLength else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }),
            let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
            let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
            let millisecond = digits(20..<23),
            (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var frame: Int?
        if bytes.count > 24 {
            guard bytes[24] == UInt8(ascii: " "), bytes.count > 25, bytes.count - 25 <= 18,
                let number = digits(25..<bytes.count)
            else { return nil }
            frame = number
        }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
        return QRTimecode(unixMilliseconds: seconds * 1_000 + Int64(millisecond), frame: frame)
    }
}
