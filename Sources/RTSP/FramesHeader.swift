/// Why a `Frames` header does not parse: 400 Bad Request.
public enum FramesHeaderError: Error, Hashable, Sendable {
    case empty
    /// Not `all`, `predicted`, `intra` or `intra/<milliseconds>`, or an interval with more
    /// digits than `FramesHeader.maximumIntervalDigits`.
    case invalidValue(String)

    public var status: RTSPStatus { .badRequest }
}

/// The `Frames` header of ONVIF replay (ONVIF Streaming Specification, "RTSP replay"):
/// which frames the client wants. `intra` asks for key frames only, optionally at most
/// one per interval in milliseconds (`intra/4000`); `predicted` drops B-frames; `all` (the
/// default) is every frame.
///
///     Frames = "Frames" ":" ( "all" | "predicted" | "intra" [ "/" 1*DIGIT ] )
public enum FramesHeader: Hashable, Sendable, CustomStringConvertible {
    case all
    case predicted
    /// Key frames only, at least `minimumIntervalMilliseconds` apart when given.
    case intra(minimumIntervalMilliseconds: Int?)

    public static let headerName = "Frames"
    /// Most digits of the interval (over 11 days in milliseconds).
    public static let maximumIntervalDigits = 9

    public static func parse(_ text: String) throws(FramesHeaderError) -> FramesHeader {
        let trimmed = HeaderSyntax.trim(text)
        guard !trimmed.isEmpty else { throw .empty }
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        switch parts[0].lowercased() {
        case "all" where parts.count == 1: return .all
        case "predicted" where parts.count == 1: return .predicted
        case "intra":
            guard parts.count == 2 else { return .intra(minimumIntervalMilliseconds: nil) }
            guard let interval = HeaderSyntax.parseDigits(parts[1], maxDigits: maximumIntervalDigits) else {
                throw .invalidValue(String(trimmed.prefix(64)))
            }
            return .intra(minimumIntervalMilliseconds: interval)
        default:
            throw .invalidValue(String(trimmed.prefix(64)))
        }
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    public var serialized: String {
        switch self {
        case .all: "all"
        case .predicted: "predicted"
        case .intra(nil): "intra"
        case .intra(let interval?): "intra/\(interval)"
        }
    }

    public var description: String { serialized }
}
