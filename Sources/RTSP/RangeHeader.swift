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
