/// One recording as Profile G's services show it (ONVIF Recording Control and Recording
/// Search specifications; `tt:RecordingConfiguration`, `tt:RecordingInformation`): its
/// token, its source, its tracks, the span it holds with its gaps, and the RTSP URL that
/// replays it. Made by the control plane from a camera's `recording:`; pure data, so the
/// answers are tested without a server.
public struct ONVIFRecording: Sendable, Equatable {
    /// `tt:TrackType`.
    public enum TrackType: String, Sendable, Equatable {
        case video = "Video"
        case audio = "Audio"
        case metadata = "Metadata"
    }

    /// One track of the recording (`tt:GetTracksResponseItem`, `tt:TrackInformation`).
    public struct Track: Sendable, Equatable {
        public var token: String
        public var type: TrackType
        public var description: String

        public init(token: String, type: TrackType, description: String) {
            self.token = token
            self.type = type
            self.description = description
        }
    }

    /// `tt:RecordingSourceInformation`: where the recording's data comes from.
    public struct Source: Sendable, Equatable {
        /// A URI naming the source (the camera's endpoint reference).
        public var sourceId: String
        public var name: String
        public var location: String
        public var description: String
        /// The URI the source was recorded from (its live RTSP URL).
        public var address: String

        public init(sourceId: String, name: String, location: String, description: String, address: String) {
            self.sourceId = sourceId
            self.name = name
            self.location = location
            self.description = description
            self.address = address
        }
    }

    /// `Recording_` and the camera's path.
    public var token: String
    public var source: Source
    /// `tt:RecordingConfiguration/Content`, a free description.
    public var content: String
    public var tracks: [Track]
    /// The first recorded instant, nanoseconds since 1970.
    public var startNanoseconds: Int64
    /// The end (exclusive), or nil while the recording grows with the present moment.
    public var endNanoseconds: Int64?
    /// Spans with no footage, `[lower, upper)`.
    public var gaps: [Range<Int64>]
    /// The RTSP URL that plays the recording (`rtsp://HOST:PORT/CAM/playback`).
    public var replayURI: String

    public init(
        token: String, source: Source, content: String, tracks: [Track],
        startNanoseconds: Int64, endNanoseconds: Int64?, gaps: [Range<Int64>], replayURI: String
    ) {
        self.token = token
        self.source = source
        self.content = content
        self.tracks = tracks
        self.startNanoseconds = startNanoseconds
        self.endNanoseconds = endNanoseconds
        self.gaps = gaps
        self.replayURI = replayURI
    }

    /// The recording's token for a camera path.
    public static func token(cameraPath: String) -> String { "Recording_" + cameraPath }

    /// The end of the recording at `now` (exclusive).
    public func end(now: Int64) -> Int64 { max(startNanoseconds, endNanoseconds ?? now) }

    /// The spans that hold footage at `now`, in order: the recording less its gaps.
    public func footage(now: Int64) -> [Range<Int64>] {
        let end = end(now: now)
        var spans: [Range<Int64>] = []
        var from = startNanoseconds
        for gap in gaps.sorted(by: { $0.lowerBound < $1.lowerBound }) where gap.upperBound > from {
            if gap.lowerBound >= end { break }
            if gap.lowerBound > from { spans.append(from..<gap.lowerBound) }
            from = max(from, gap.upperBound)
        }
        if from < end { spans.append(from..<end) }
        return spans
    }

    /// The first and last instants with footage at `now` (`EarliestRecording`,
    /// `LatestRecording`, a track's `DataFrom`, `DataTo`); nil when there is none.
    public func dataSpan(now: Int64) -> ClosedRange<Int64>? {
        let spans = footage(now: now)
        guard let first = spans.first, let last = spans.last else { return nil }
        return first.lowerBound...last.upperBound
    }

    /// `tt:RecordingStatus`: `Recording` while it grows, `Stopped` once it has ended.
    public func status(now: Int64) -> String {
        endNanoseconds.map { $0 <= now } ?? false ? "Stopped" : "Recording"
    }
}
