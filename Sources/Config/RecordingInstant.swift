/// A moment named in a recording's configuration: `now`, an offset from now such as
/// `-24h` or `-1h30m`, or an ISO 8601 instant such as `2026-11-25T10:15:00Z`.
///
/// Offsets and `now` are resolved against the moment the configuration is loaded.
public enum RecordingInstant: Sendable, Equatable {
    case now
    /// Nanoseconds from now; negative is the past.
    case offset(nanoseconds: Int64)
    /// Nanoseconds since the Unix epoch (UTC).
    case absolute(unixNanoseconds: Int64)

    /// Parses `now`, a signed `RecordingDuration` (`-24h`, `+0s`) or an ISO 8601 instant;
    /// nil when the text is none of them.
    public init?(parsing text: String) {
        let s = text.trimmingPrefixAndSuffixSpaces()
        if s == "now" {
            self = .now
        } else if let sign = s.first, sign == "-" || sign == "+" {
            guard let span = RecordingDuration(parsing: String(s.dropFirst())) else { return nil }
            self = .offset(nanoseconds: sign == "-" ? -span.nanoseconds : span.nanoseconds)
        } else if let instant = ISO8601Instant(parsing: s) {
            self = .absolute(unixNanoseconds: instant.unixNanoseconds)
        } else {
            return nil
        }
    }

    /// The instant in nanoseconds since the Unix epoch, given the load time `now`.
    public func resolve(now: Int64) -> Int64 {
        switch self {
        case .now: now
        case .offset(let nanoseconds): now &+ nanoseconds
        case .absolute(let unixNanoseconds): unixNanoseconds
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingPrefixAndSuffixSpaces() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
