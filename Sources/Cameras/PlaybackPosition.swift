/// Where a playback session is in its recording, and which recorded frame each frame the
/// stream sends shows: a seek, the frame after it at the session's scale, gaps skipped, the
/// end of the recording. Pure: the present moment is passed in, since a growing recording
/// ends there.
///
/// At scale s the stream still sends its own frame rate, and each frame it sends moves the
/// recording on by s frame slots (RFC 2326 §12.34: at scale 2 the media time advances twice
/// as fast as the wall clock); at a scale below 1 a recorded frame is shown more than once.
/// A negative scale walks the recording backwards, and the pictures are still encoded as an
/// ordinary forward stream.
public struct PlaybackPosition: Sendable {
    /// What the next frame of the stream shows.
    public enum Step: Sendable, Equatable {
        /// This recorded frame; `discontinuity` when reaching it skipped a gap, looped, or
        /// followed a seek.
        case frame(RecordingTimeline.Slot, discontinuity: Bool)
        /// The recording has no frame further in this direction.
        case end
    }

    public let timeline: RecordingTimeline
    /// At the end, start again from the other end instead of ending.
    public let loops: Bool
    /// Recording frames per frame sent; negative plays backwards.
    public private(set) var scale: Double = 1
    /// The frame most recently shown; nil before the first.
    public private(set) var current: RecordingTimeline.Slot?
    /// A frame the next `next` shows, set by a seek or a resume.
    public private(set) var pending: RecordingTimeline.Slot?
    /// Fractional slots carried from frame to frame at a scale that is not a whole number.
    private var carried: Double = 0

    public init(timeline: RecordingTimeline, loops: Bool) {
        self.timeline = timeline
        self.loops = loops
    }

    /// Positions the session on the first frame at or after `instant` (frame-exact); under
    /// a negative scale, the last frame at or before it. Nil, and nothing changes, when the
    /// recording has no such frame (an invalid range, RFC 2326 §11.3.18).
    public mutating func seek(toNanoseconds instant: Int64, now: Int64) -> RecordingTimeline.Slot? {
        let slot: RecordingTimeline.Slot?
        if scale < 0 {
            let atOrAfter = timeline.slotIndex(atOrAfter: instant)
            let exact = timeline.instant(ofSlot: atOrAfter) == instant && timeline.gap(containing: instant) == nil
            slot = exact ? timeline.firstSlot(atOrAfter: instant, now: now) : timeline.slot(before: atOrAfter)
        } else {
            slot = timeline.firstSlot(atOrAfter: instant, now: now)
        }
        guard var slot, timeline.contains(slot.instantNanoseconds, now: now) else { return nil }
        slot.afterGap = true
        pending = slot
        carried = 0
        return slot
    }

    /// Positions the session at the start of the recording (PLAY without Range the first time).
    public mutating func seekToStart(now: Int64) -> RecordingTimeline.Slot? {
        if scale < 0, let last = timeline.lastSlot(now: now) {
            return seek(toNanoseconds: last.instantNanoseconds, now: now)
        }
        return seek(toNanoseconds: timeline.startNanoseconds, now: now)
    }

    /// After a PAUSE: the next frame shown is the one after the last one sent, whatever the
    /// pause's length. `lastSent` is the frame the viewer last received, when known.
    public mutating func resume(after lastSent: RecordingTimeline.Slot?, now: Int64) -> RecordingTimeline.Slot? {
        guard let lastSent = lastSent ?? current else { return seekToStart(now: now) }
        current = lastSent
        carried = 0
        switch advance(from: lastSent, now: now) {
        case .frame(let slot, _):
            pending = slot
            return slot
        case .end:
            pending = nil
            return nil
        }
    }

    /// Sets the scale for the frames that follow.
    public mutating func setScale(_ scale: Double) {
        self.scale = scale
        carried = 0
    }

    /// The frame the stream's next frame shows. A pending seek is taken only by a frame
    /// that starts a viewer (`startsViewer`, an IDR the viewer's join asked for): a frame
    /// already on its way when the seek came is for nobody and moves on as before.
    public mutating func next(now: Int64, startsViewer: Bool = true) -> Step {
        if let pending, startsViewer || current == nil {
            self.pending = nil
            current = pending
            return .frame(pending, discontinuity: true)
        }
        guard let current else {
            guard let first = seekToStart(now: now) else { return .end }
            pending = nil
            self.current = first
            return .frame(first, discontinuity: true)
        }
        let step = advance(from: current, now: now)
        if case .frame(let slot, _) = step { self.current = slot }
        return step
    }

    /// The frame `|scale|` slots on from `slot` in the scale's direction.
    private func advanceWithoutCarry(from slot: RecordingTimeline.Slot, slots: Int64, now: Int64) -> Step {
        if slots == 0 { return .frame(RecordingTimeline.Slot(index: slot.index, instantNanoseconds: slot.instantNanoseconds, afterGap: false), discontinuity: false) }
        let found: RecordingTimeline.Slot?
        if scale >= 0 {
            found = timeline.slot(after: slot.index + slots - 1, now: now)
        } else {
            found = timeline.slot(before: slot.index - slots + 1)
        }
        if let found { return .frame(found, discontinuity: found.afterGap) }
        guard loops else { return .end }
        let wrapped = scale >= 0
            ? timeline.firstSlot(atOrAfter: timeline.startNanoseconds, now: now)
            : timeline.lastSlot(now: now)
        guard var wrapped else { return .end }
        wrapped.afterGap = true
        return .frame(wrapped, discontinuity: true)
    }

    private mutating func advance(from slot: RecordingTimeline.Slot, now: Int64) -> Step {
        carried += abs(scale)
        let whole = carried.rounded(.down)
        carried -= whole
        return advanceWithoutCarry(from: slot, slots: Int64(whole), now: now)
    }
}
