/// A camera's synthetic archive (`recording:`): the span of timeline it holds, the spans
/// without footage, and whether playback starts again at the end. Instants are resolved
/// to nanoseconds since the Unix epoch when the configuration is loaded; a recording whose
/// `end` is `now` keeps growing after that.
///
///     recording:
///       start: -24h                 # or an ISO 8601 instant
///       end: now                    # the default: a growing recording
///       gaps:                       # spans with no footage
///         - { at: -3h, duration: 10m }
///       loop: false                 # true: play from the start again at the end
public struct RecordingConfig: Sendable, Equatable, Hashable {
    /// Where the recording ends: at a fixed instant, or at the present moment, growing.
    public enum End: Sendable, Equatable, Hashable {
        case growing
        case at(unixNanoseconds: Int64)
    }

    /// A span with no footage, `[startNanoseconds, endNanoseconds)`.
    public struct Gap: Sendable, Equatable, Hashable {
        public var startNanoseconds: Int64
        public var endNanoseconds: Int64

        public init(startNanoseconds: Int64, endNanoseconds: Int64) {
            self.startNanoseconds = startNanoseconds
            self.endNanoseconds = endNanoseconds
        }
    }

    /// The first instant of footage, nanoseconds since the Unix epoch.
    public var startNanoseconds: Int64
    public var end: End
    /// Sorted by start, disjoint, each inside the recording.
    public var gaps: [Gap]
    public var loop: Bool

    /// The most gaps one recording may list.
    public static let maxGaps = 10_000

    public init(startNanoseconds: Int64, end: End = .growing, gaps: [Gap] = [], loop: Bool = false) {
        self.startNanoseconds = startNanoseconds
        self.end = end
        self.gaps = gaps
        self.loop = loop
    }

    /// The keys of a `recording:` mapping.
    static let keys = ["start", "end", "gaps", "loop"]
    /// The keys of one entry of `gaps:`.
    static let gapKeys = ["at", "duration"]
}
