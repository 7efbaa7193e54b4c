/// Which SMPTE timecode a Range names (RFC 2326 §3.5): the unit before the `=`.
public enum SMPTEFormat: String, Hashable, Sendable, CaseIterable {
    /// 30 frames per second, no frames dropped.
    case smpte = "smpte"
    /// 29.97 frames per second: frames 0 and 1 are skipped at the start of every minute
    /// except each tenth.
    case smpte30Drop = "smpte-30-drop"
    /// 25 frames per second.
    case smpte25 = "smpte-25"

    /// Frames per second as numbered in a timecode: frame numbers are below this.
    public var framesPerSecond: Int { self == .smpte25 ? 25 : 30 }

    /// The format for a unit name, compared case-insensitively.
    init?(unit: some StringProtocol) {
        guard let format = Self.allCases.first(where: { HeaderSyntax.equalsIgnoringCase($0.rawValue, unit) }) else {
            return nil
        }
        self = format
    }
}

/// A SMPTE relative timecode (RFC 2326 §3.5): `hours:minutes:seconds[:frames][.subframes]`
/// from the start of the clip.
public struct SMPTETime: Hashable, Sendable, CustomStringConvertible {
    /// 0...99 (`1*2DIGIT`).
    public var hours: Int
    /// 0...59.
    public var minutes: Int
    /// 0...59.
    public var seconds: Int
    /// Below the format's frames per second; nil when absent.
    public var frames: Int?
    /// Hundredths of a frame, 0...99; nil when absent.
    public var subframes: Int?

    /// A timecode from its fields; nil when one is out of range for `format`, including a
    /// frame that drop-frame timecode skips.
    public init?(
        hours: Int, minutes: Int, seconds: Int, frames: Int? = nil, subframes: Int? = nil,
        format: SMPTEFormat = .smpte
    ) {
        guard (0...99).contains(hours), (0...59).contains(minutes), (0...59).contains(seconds) else { return nil }
        if let frames {
            guard (0..<format.framesPerSecond).contains(frames) else { return nil }
            // Drop-frame: 00 and 01 do not exist at second 0 of minutes not divisible by ten.
            if format == .smpte30Drop, seconds == 0, minutes % 10 != 0, frames < 2 { return nil }
        }
        if let subframes, !(0...99).contains(subframes) { return nil }
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
        self.frames = frames
        self.subframes = subframes
    }

    /// `smpte-time = 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT [ ":" 1*2DIGIT ] [ "." 1*2DIGIT ]`
    /// (RFC 2326 §3.5). Nil for anything else or a field out of range for `format`.
    public init?(parsing text: some StringProtocol, format: SMPTEFormat = .smpte) {
        let dotted = text.split(separator: ".", omittingEmptySubsequences: false)
        guard dotted.count <= 2 else { return nil }
        var subframes: Int?
        if dotted.count == 2 {
            guard let value = HeaderSyntax.parseDigits(dotted[1], maxDigits: 2) else { return nil }
            subframes = value
        }
        let fields = dotted[0].split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 3 || fields.count == 4 else { return nil }
        var numbers: [Int] = []
        for field in fields {
            guard let value = HeaderSyntax.parseDigits(field, maxDigits: 2) else { return nil }
            numbers.append(value)
        }
        self.init(
            hours: numbers[0], minutes: numbers[1], seconds: numbers[2],
            frames: numbers.count == 4 ? numbers[3] : nil, subframes: subframes, format: format)
    }

    /// Two digits per field: `10:07:33`, `10:07:33:05.01`.
    public var serialized: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(pad(hours)):\(pad(minutes)):\(pad(seconds))"
        if let frames { text += ":" + pad(frames) }
        if let subframes { text += "." + pad(subframes) }
        return text
    }

    public var description: String { serialized }

    /// True when `self` lies strictly before `other` (absent frames count as zero).
    public func isBefore(_ other: SMPTETime) -> Bool {
        (hours, minutes, seconds, frames ?? 0, subframes ?? 0)
            < (other.hours, other.minutes, other.seconds, other.frames ?? 0, other.subframes ?? 0)
    }
}
