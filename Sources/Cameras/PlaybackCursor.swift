import NIOConcurrencyHelpers

/// A playback session's `PlaybackPosition`, shared between the RTSP session, which seeks,
/// pauses and sets the scale, and the session's media source, which asks it for each
/// frame on an encode thread. It remembers which recorded frame each stream frame showed,
/// so a resume after PAUSE continues from the last frame actually sent.
public final class PlaybackCursor: Sendable {
    /// What the source is told for one stream frame.
    public struct Frame: Sendable, Equatable {
        public var slot: RecordingTimeline.Slot
        /// Reaching it jumped (a gap, a loop or a seek).
        public var discontinuity: Bool
        /// Added to the stream's RTP timestamp: each gap skipped moves the timestamps on by
        /// its length, so the jump shows in them (RFC 3550 §5.1).
        public var timestampOffset: UInt32
        /// The ONVIF replay mode of the PLAY it answers; nil for a plain RTSP PLAY.
        public var replay: ReplayMode?
        /// The last frame before a gap or the end: ONVIF replay's E bit.
        public var endOfSection: Bool = false
        /// The last frame playback will send: ONVIF replay's T bit.
        public var terminal: Bool = false
    }

    private struct State {
        var position: PlaybackPosition
        var timestampOffset: UInt32 = 0
        /// The recorded frame each recent stream frame showed, newest last.
        var shown: [(frame: Int64, slot: RecordingTimeline.Slot)] = []
        var onEnd: (@Sendable () -> Void)?
        /// Playback ends at this instant (a Range's end or `endtime`); nil: at the recording's end.
        var stopAt: Int64?
        var replay: ReplayMode?
    }

    /// Stream frames remembered for a resume.
    static let shownHistory = 64

    private let state: NIOLockedValueBox<State>
    /// Wall clock now, nanoseconds since the Unix epoch (a growing recording ends there).
    let now: @Sendable () -> Int64
    public let timeline: RecordingTimeline

    public init(timeline: RecordingTimeline, loops: Bool, now: @escaping @Sendable () -> Int64) {
        self.timeline = timeline
        self.now = now
        state = NIOLockedValueBox(State(position: PlaybackPosition(timeline: timeline, loops: loops)))
    }

    /// Called once when the recording runs out (not when it loops); a seek arms it again.
    public func onEnd(_ handler: @escaping @Sendable () -> Void) {
        state.withLockedValue { $0.onEnd = handler }
    }

    /// Ends playback at `instant` (forward) instead of the recording's end; nil clears it.
    public func stop(at instant: Int64?) {
        state.withLockedValue { $0.stopAt = instant }
    }

    /// The recorded frame shown last (or about to be shown after a seek).
    public var currentSlot: RecordingTimeline.Slot? {
        state.withLockedValue { $0.position.pending ?? $0.position.current }
    }

    /// Sets (or clears) the ONVIF replay mode of the frames that follow.
    public func setReplay(_ replay: ReplayMode?) {
        state.withLockedValue { $0.replay = replay }
    }

    public var scale: Double { state.withLockedValue { $0.position.scale } }

    public func setScale(_ scale: Double) {
        state.withLockedValue { $0.position.setScale(scale) }
    }

    /// Seeks to the first frame at or after `instant`; nil when the recording has none.
    public func seek(toNanoseconds instant: Int64) -> RecordingTimeline.Slot? {
        let now = now()
        return state.withLockedValue { $0.position.seek(toNanoseconds: instant, now: now) }
    }

    public func seekToStart() -> RecordingTimeline.Slot? {
        let now = now()
        return state.withLockedValue { $0.position.seekToStart(now: now) }
    }

    /// Resumes after the frame the stream sent as `lastSentFrame` (nil: the last shown).
    /// A frame the stream was still encoding when the viewer left was not sent, so that
    /// is where playback resumes.
    public func resume(lastSentFrame: Int64?) -> RecordingTimeline.Slot? {
        let now = now()
        return state.withLockedValue { state in
            if let pending = state.position.pending { return pending }
            let last = lastSentFrame.flatMap { frame in state.shown.last(where: { $0.frame <= frame })?.slot }
            return state.position.resume(after: last, now: now)
        }
    }

    /// The frame stream frame `frame` shows, or nil at the end (which calls the end
    /// handler). `startsViewer`: the frame is an IDR asked for by a viewer joining.
    func frame(forStreamFrame frame: Int64, startsViewer: Bool) -> Frame? {
        let now = now()
        let (result, ended): (Frame?, (@Sendable () -> Void)?) = state.withLockedValue { state in
            let hadPending = state.position.pending != nil && (startsViewer || state.position.current == nil)
            let previous = state.position.current
            switch state.position.next(now: now, startsViewer: startsViewer) {
            case .end:
                let handler = state.onEnd
                state.onEnd = nil
                return (nil, handler)
            case .frame(let slot, _) where state.stopAt.map({ slot.instantNanoseconds >= $0 && state.position.scale > 0 }) == true:
                let handler = state.onEnd
                state.onEnd = nil
                return (nil, handler)
            case .frame(let slot, let discontinuity):
                if discontinuity, !hadPending, let previous {
                    // The media time the jump skipped, in 90 kHz units (RFC 6184 §5.1).
                    let skipped = abs(slot.instantNanoseconds - previous.instantNanoseconds)
                    state.timestampOffset &+= UInt32(truncatingIfNeeded: skipped / 1_000_000_000 * 90_000)
                }
                state.shown.append((frame, slot))
                if state.shown.count > Self.shownHistory { state.shown.removeFirst(state.shown.count - Self.shownHistory) }
                var result = Frame(
                    slot: slot, discontinuity: discontinuity, timestampOffset: state.timestampOffset, replay: state.replay)
                if state.replay != nil {
                    let scale = state.position.scale
                    let following = scale >= 0 ? timeline.slot(after: slot.index, now: now) : timeline.slot(before: slot.index)
                    result.endOfSection = following.map(\.afterGap) ?? true
                    result.terminal = following == nil
                        || (scale >= 0 && state.stopAt.map { following!.instantNanoseconds >= $0 } == true)
                    if result.terminal { result.endOfSection = true }
                }
                return (result, nil)
            }
        }
        ended?()
        return result
    }

    /// The recorded frame stream frame `frame` showed, if it is still remembered.
    public func slot(shownBy frame: Int64) -> RecordingTimeline.Slot? {
        state.withLockedValue { $0.shown.last(where: { $0.frame == frame })?.slot }
    }
}
