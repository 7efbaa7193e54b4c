/// A recorded event a `FindEvents` search finds (ONVIF Recording Search Specification,
/// "Recording event descriptions"): the moment a track's data starts or stops, topic
/// `tns1:RecordingHistory/Track/State` with `IsDataPresent`. A synthetic recording has one
/// at the start of each stretch of footage and one at each gap and at the end.
public struct RecordingEvent: Sendable, Equatable {
    public var recordingToken: String
    public var trackToken: String
    /// Nanoseconds since 1970.
    public var time: Int64
    public var isDataPresent: Bool
    /// The state at the search's start point (`IncludeStartState`), not a change.
    public var isStartState: Bool

    public init(recordingToken: String, trackToken: String, time: Int64, isDataPresent: Bool, isStartState: Bool = false) {
        self.recordingToken = recordingToken
        self.trackToken = trackToken
        self.time = time
        self.isDataPresent = isDataPresent
        self.isStartState = isStartState
    }

    /// The topic (ONVIF Recording Search Specification, "Track state").
    public static let topic = "tns1:RecordingHistory/Track/State"
}

extension ONVIFRecording {
    /// Whether there is footage at `instant`.
    public func hasData(at instant: Int64, now: Int64) -> Bool {
        footage(now: now).contains { $0.contains(instant) }
    }

    /// The data-presence changes of each track between `from` and `to` (both included; `to`
    /// before `from` searches backwards, newest first; nil searches to the end), with the
    /// state at `from` first when `includeStartState`. A growing recording's present
    /// moment is no change: its data has not stopped.
    public func events(from: Int64, to: Int64?, includeStartState: Bool, now: Int64) -> [RecordingEvent] {
        var changes: [(Int64, Bool)] = []
        for span in footage(now: now) {
            changes.append((span.lowerBound, true))
            if !(endNanoseconds == nil && span.upperBound == end(now: now)) { changes.append((span.upperBound, false)) }
        }
        let backwards = to.map { $0 < from } ?? false
        let low = backwards ? to! : from
        let high = backwards ? from : (to ?? Int64.max)
        changes = changes.filter { $0.0 >= low && $0.0 <= high }
        if backwards { changes.reverse() }
        var events: [RecordingEvent] = []
        for track in tracks {
            if includeStartState {
                events.append(RecordingEvent(
                    recordingToken: token, trackToken: track.token, time: from, isDataPresent: hasData(at: from, now: now), isStartState: true))
            }
            events += changes.map { RecordingEvent(recordingToken: token, trackToken: track.token, time: $0.0, isDataPresent: $0.1) }
        }
        return events
    }
}
