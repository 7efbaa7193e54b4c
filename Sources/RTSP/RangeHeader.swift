/// Why a Range header (RFC 2326 §12.29) was rejected. `status` says how a server answers:
/// a range that does not parse is a bad request, a backwards one an invalid range.
public enum RangeHeaderError: Error, Hashable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    /// A unit other than `npt`, `smpte`, `smpte-30-drop`, `smpte-25` or `clock`.
    case unsupportedUnit(String)
    /// No `unit=`, not exactly one `-` between start and end, or neither is present.
    case malformedRange(String)
    /// A start or end that is not a time of the range's unit (`nan`, `99:99:99`, `garbage`).
    case invalidTime(String)
    /// The `time=` parameter is not a UTC time (RFC 2326 §3.7).
    case invalidTimeParameter(String)
    /// The end lies before the start.
    case endBeforeStart(String)

    /// 457 Invalid Range for a backwards range (RFC 2326 §11.3.7), 400 Bad Request for
    /// everything that does not parse.
    public var status: RTSPStatus {
        switch self {
        case .endBeforeStart: .invalidRange
        case .empty, .tooLong, .unsupportedUnit, .malformedRange, .invalidTime, .invalidTimeParameter: .badRequest
        }
    }

    /// True when the text is not a range at all (as opposed to a range that runs backwards).
    public var isMalformed: Bool { status == .badRequest }
}

/// The range itself, in one of the three units of RFC 2326 §3.5-§3.7. A missing start is
/// the `-end` form (RFC 7826 allows it for every unit; RFC 2326 only for `npt`); a missing
/// end means "to the end".
public enum RangeSpecifier: Hashable, Sendable {
    /// `npt=start-[end]` or `npt=-end` (RFC 2326 §3.6).
    case npt(start: NPTTime?, end: NPTTime?)
    /// `smpte=start-[end]` and its drop-frame and 25 fps variants (RFC 2326 §3.5).
    case smpte(SMPTEFormat, start: SMPTETime?, end: SMPTETime?)
    /// `clock=start-[end]` in UTC (RFC 2326 §3.7).
    case clock(start: UTCTime?, end: UTCTime?)
}

/// The Range header (RFC 2326 §12.29): one range in normal play time, SMPTE timecode or
/// absolute time, optionally followed by `;time=` (the UTC time at which it applies).
public struct RangeHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "Range"
    /// Longest header value accepted.
    public static let maximumLength = 256

    public var specifier: RangeSpecifier
    /// The `time=` parameter: when the range is to take effect.
    public var time: UTCTime?

    public init(_ specifier: RangeSpecifier, time: UTCTime? = nil) {
        self.specifier = specifier
        self.time = time
    }

    /// A normal play time range.
    public init(start: NPTTime?, end: NPTTime? = nil, time: UTCTime? = nil) {
        self.init(.npt(start: start, end: end), time: time)
    }

    /// `npt=now-`, the range of a live stream.
    public static let live = RangeHeader(start: .now)
    /// `npt=0.000-`.
    public static let fromBeginning = RangeHeader(start: .seconds(0))

    /// Parses `unit=[start]-[end][;time=utc-time]`; units and parameter names are
    /// case-insensitive, whitespace around the parts is allowed, other parameters are ignored.
    public static func parse(_ text: String) throws(RangeHeaderError) -> RangeHeader {
        guard text.utf8.count <= maximumLength else {
            throw .tooLong(length: text.utf8.count, limit: maximumLength)
        }
        let parts = HeaderSyntax.semicolonParts(text)
        guard !parts[0].isEmpty else { throw .empty }
        let (unit, value) = HeaderSyntax.nameValue(parts[0])
        guard let value else { throw .malformedRange(text) }
        let ends = value.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2 else { throw .malformedRange(text) }
        let startText = HeaderSyntax.trim(ends[0]), endText = HeaderSyntax.trim(ends[1])
        guard !startText.isEmpty || !endText.isEmpty else { throw .malformedRange(text) }

        /// nil for an empty side, the time when it parses, else `.invalidTime`.
        func side<Time>(_ text: String, _ parse: (String) -> Time?) throws(RangeHeaderError) -> Time? {
            guard !text.isEmpty else { return nil }
            guard let time = parse(text) else { throw .invalidTime(text) }
            return time
        }
        var header: RangeHeader
        if HeaderSyntax.equalsIgnoringCase(unit, "npt") {
            let start = try side(startText) { NPTTime(parsing: $0) }
            let end = try side(endText) { NPTTime(parsing: $0) }
            if let start, let end, end.isBefore(start) { throw .endBeforeStart(text) }
            header = RangeHeader(.npt(start: start, end: end))
        } else if let format = SMPTEFormat(unit: unit) {
            let start = try side(startText) { SMPTETime(parsing: $0, format: format) }
            let end = try side(endText) { SMPTETime(parsing: $0, format: format) }
            if let start, let end, end.isBefore(start) { throw .endBeforeStart(text) }
            header = RangeHeader(.smpte(format, start: start, end: end))
        } else if HeaderSyntax.equalsIgnoringCase(unit, "clock") {
            let start = try side(startText) { UTCTime(parsing: $0) }
            let end = try side(endText) { UTCTime(parsing: $0) }
            if let start, let end, end.isBefore(start) { throw .endBeforeStart(text) }
            header = RangeHeader(.clock(start: start, end: end))
        } else {
            throw .unsupportedUnit(unit)
        }
        for parameter in parts.dropFirst() {
            let (name, value) = HeaderSyntax.nameValue(parameter)
            guard HeaderSyntax.equalsIgnoringCase(name, "time") else { continue }
            guard let value, let time = UTCTime(parsing: value) else { throw .invalidTimeParameter(value ?? "") }
            header.time = time
        }
        return header
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    /// The NPT start and end, nil for the other units.
    public var npt: (start: NPTTime?, end: NPTTime?)? {
        guard case .npt(let start, let end) = specifier else { return nil }
        return (start, end)
    }

    /// The canonical form: lower-case unit, no spaces, times as their types write them.
    public var serialized: String {
        var text: String
        switch specifier {
        case .npt(let start, let end):
            text = "npt=" + (start?.serialized ?? "") + "-" + (end?.serialized ?? "")
        case .smpte(let format, let start, let end):
            text = format.rawValue + "=" + (start?.serialized ?? "") + "-" + (end?.serialized ?? "")
        case .clock(let start, let end):
            text = "clock=" + (start?.serialized ?? "") + "-" + (end?.serialized ?? "")
        }
        if let time { text += ";time=\(time.serialized)" }
        return text
    }

    public var description: String { serialized }
}
