/// Why a Range header (RFC 2326 §12.29) was rejected.
public enum RangeHeaderError: Error, Hashable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    /// A unit other than `npt` (`smpte`, `clock`, ...), which this server does not support.
    case unsupportedUnit(String)
    /// No `-` between start and end, or neither is present.
    case malformedRange(String)
    case invalidTime(String)
    /// The end lies before the start.
    case endBeforeStart(String)
}

/// A normal play time (RFC 2326 §3.6): `now` or seconds from the start of the presentation.
public enum NPTTime: Hashable, Sendable, CustomStringConvertible {
    /// Most digits in any numeric part of a time.
    public static let maximumDigits = 12

    case now
    case seconds(Double)

    /// `npt-time = "now" | npt-sec | npt-hhmmss` (RFC 2326 §3.6).
    public init?(parsing text: String) {
        if text == "now" {
            self = .now
            return
        }
        let clock = text.split(separator: ":", omittingEmptySubsequences: false)
        switch clock.count {
        case 1:
            guard let seconds = Self.decimal(text) else { return nil }
            self = .seconds(seconds)
        case 3:
            // npt-hhmmss = npt-hh ":" npt-mm ":" npt-ss [ "." *DIGIT ]; mm and ss are 0...59.
            guard let hours = HeaderSyntax.parseDigits(clock[0], maxDigits: Self.maximumDigits),
                  clock[1].utf8.count == 2, let minutes = HeaderSyntax.parseDigits(clock[1], maxDigits: 2),
                  minutes < 60,
                  clock[2].utf8.prefix(while: HeaderSyntax.isDigit).count == 2,
                  let seconds = Self.decimal(clock[2]), seconds < 60
            else { return nil }
            self = .seconds(Double(hours) * 3600 + Double(minutes) * 60 + seconds)
        default:
            return nil
        }
    }

    /// `1*DIGIT [ "." *DIGIT ]`.
    private static func decimal(_ text: some StringProtocol) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, HeaderSyntax.parseDigits(parts[0], maxDigits: maximumDigits) != nil else {
            return nil
        }
        if parts.count == 2, !parts[1].isEmpty,
           HeaderSyntax.parseDigits(parts[1], maxDigits: maximumDigits) == nil {
            return nil
        }
        return Double(String(text).hasSuffix(".") ? String(text.dropLast()) : String(text))
    }

    /// `now`, or seconds with three decimals (`0.000`).
    public var serialized: String {
        switch self {
        case .now:
            return "now"
        case .seconds(let value):
            let millis = Int((value * 1000).rounded())
            let fraction = String(millis % 1000)
            return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
    }

    public var description: String { serialized }
}

/// The Range header with normal play time (RFC 2326 §3.6, §12.29): `npt=start-[end]` or
/// `npt=-end`, optionally followed by `;time=` (kept verbatim).
public struct RangeHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "Range"
    /// Longest header value accepted.
    public static let maximumLength = 256

    /// Nil only in the `npt=-end` form.
    public var start: NPTTime?
    public var end: NPTTime?
    /// The `time=` parameter, verbatim.
    public var time: String?

    public init(start: NPTTime?, end: NPTTime? = nil, time: String? = nil) {
        self.start = start
        self.end = end
        self.time = time
    }

    /// `npt=now-`, the range of a live stream.
    public static let live = RangeHeader(start: .now)
    /// `npt=0.000-`.
    public static let fromBeginning = RangeHeader(start: .seconds(0))

    public static func parse(_ text: String) throws(RangeHeaderError) -> RangeHeader {
        guard text.utf8.count <= maximumLength else {
            throw .tooLong(length: text.utf8.count, limit: maximumLength)
        }
        let parts = HeaderSyntax.semicolonParts(text)
        guard !parts[0].isEmpty else { throw .empty }
        let (unit, value) = HeaderSyntax.nameValue(parts[0])
        guard HeaderSyntax.equalsIgnoringCase(unit, "npt") else { throw .unsupportedUnit(unit) }
        guard let value, let dash = value.firstIndex(of: "-") else { throw .malformedRange(text) }
        let startText = HeaderSyntax.trim(value[..<dash])
        let endText = HeaderSyntax.trim(value[value.index(after: dash)...])
        guard !startText.isEmpty || !endText.isEmpty else { throw .malformedRange(text) }
        var header = RangeHeader(start: nil)
        if !startText.isEmpty {
            guard let start = NPTTime(parsing: startText) else { throw .invalidTime(startText) }
            header.start = start
        }
        if !endText.isEmpty {
            guard let end = NPTTime(parsing: endText) else { throw .invalidTime(endText) }
            header.end = end
        }
        if case .seconds(let from)? = header.start, case .seconds(let to)? = header.end, to < from {
            throw .endBeforeStart(text)
        }
        for parameter in parts.dropFirst() {
            let (name, value) = HeaderSyntax.nameValue(parameter)
            if HeaderSyntax.equalsIgnoringCase(name, "time"), let value { header.time = value }
        }
        return header
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    public var serialized: String {
        var text = "npt=" + (start?.serialized ?? "") + "-" + (end?.serialized ?? "")
        if let time { text += ";time=\(time)" }
        return text
    }

    public var description: String { serialized }
}
