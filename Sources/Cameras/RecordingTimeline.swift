import H264

/// The frame slots of a synthetic recording: frame k was captured at start + k / fps,
/// exactly, except where a gap has no footage; the recording ends before `end` (or before
/// the present moment while it grows). Pure arithmetic on nanoseconds since the Unix epoch,
/// so a playback session can find the frame for any instant without any files.
///
/// Seeking is frame-exact: the frame for an instant is the first whose capture instant
/// is at or after it, with no rounding back to a keyframe.
public struct RecordingTimeline: Sendable, Equatable {
    public let frameRate: FrameRate
    /// Capture instant of slot 0.
    public let startNanoseconds: Int64
    /// The end (exclusive), or nil while the recording grows with the present moment.
    public let endNanoseconds: Int64?
    /// Spans with no footage, `[lower, upper)`: sorted, disjoint, not touching.
    public let gaps: [Range<Int64>]

    /// One frame of the recording.
    public struct Slot: Sendable, Equatable {
        /// Frames since the start of the recording (gaps count their slots too).
        public var index: Int64
        /// The capture instant: what the picture's clock shows.
        public var instantNanoseconds: Int64
        /// True when reaching this frame skipped a gap: the timestamps jump (a discontinuity).
        public var afterGap: Bool
    }

    /// Overlapping or touching gaps are merged, and empty ones dropped.
    public init(frameRate: FrameRate, startNanoseconds: Int64, endNanoseconds: Int64?, gaps: [Range<Int64>] = []) {
        precondition(endNanoseconds.map { $0 > startNanoseconds } ?? true, "a recording ends after it starts")
        self.frameRate = frameRate
        self.startNanoseconds = startNanoseconds
        self.endNanoseconds = endNanoseconds
        var merged: [Range<Int64>] = []
        for gap in gaps.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, gap.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, gap.upperBound)
            } else {
                merged.append(gap)
            }
        }
        self.gaps = merged
    }

    /// The end of the recording at `now` (exclusive).
    public func end(now: Int64) -> Int64 {
        max(startNanoseconds, endNanoseconds ?? now)
    }

    /// Whether the recording is still growing.
    public var isGrowing: Bool { endNanoseconds == nil }

    /// Nanoseconds from the start to the end at `now`, gaps included.
    public func duration(now: Int64) -> Int64 { end(now: now) - startNanoseconds }

    /// Whether `instant` lies within the recording at `now`: seeking anywhere else is an
    /// invalid range (RFC 2326 §11.3.18, 457).
    public func contains(_ instant: Int64, now: Int64) -> Bool {
        instant >= startNanoseconds && instant < end(now: now)
    }

    /// Capture instant of slot `index`.
    public func instant(ofSlot index: Int64) -> Int64 {
        startNanoseconds + frameRate.nanoseconds(untilFrame: index)
    }

    /// The first slot whose instant is at or after `instant` (slot 0 before the start),
    /// whether or not it has footage.
    public func slotIndex(atOrAfter instant: Int64) -> Int64 {
        guard instant > startNanoseconds else { return 0 }
        let k = frameRate.frameIndex(atNanoseconds: instant - startNanoseconds)
        return self.instant(ofSlot: k) >= instant ? k : k + 1
    }

    /// The gap holding `instant`, if any.
    public func gap(containing instant: Int64) -> Range<Int64>? {
        // The last gap starting at or before the instant.
        var low = 0, high = gaps.count
        while low < high {
            let mid = (low + high) / 2
            if gaps[mid].lowerBound <= instant { low = mid + 1 } else { high = mid }
        }
        guard low > 0, gaps[low - 1].contains(instant) else { return nil }
        return gaps[low - 1]
    }

    /// The first frame with footage at or after `instant`: a frame-exact seek. A frame
    /// inside a gap moves on to the first frame at or after the gap's end. Nil when that
    /// is at or past the end.
    public func firstSlot(atOrAfter instant: Int64, now: Int64) -> Slot? {
        forward(from: slotIndex(atOrAfter: instant), now: now, afterGap: false)
    }

    /// The frame after `index` in forward play.
    public func slot(after index: Int64, now: Int64) -> Slot? {
        forward(from: index + 1, now: now, afterGap: false)
    }

    /// The frame before `index` in reverse play; one inside a gap moves back to the last
    /// frame before the gap. Nil before the start.
    public func slot(before index: Int64) -> Slot? {
        var k = index - 1
        var skipped = false
        while k >= 0 {
            let t = instant(ofSlot: k)
            guard let gap = gap(containing: t) else { return Slot(index: k, instantNanoseconds: t, afterGap: skipped) }
            k = slotIndex(atOrAfter: gap.lowerBound) - 1
            skipped = true
        }
        return nil
    }

    /// The last frame of the recording at `now`.
    public func lastSlot(now: Int64) -> Slot? {
        slot(before: slotIndex(atOrAfter: end(now: now)))
    }

    private func forward(from index: Int64, now: Int64, afterGap: Bool) -> Slot? {
        var k = index
        var skipped = afterGap
        let end = end(now: now)
        while true {
            let t = instant(ofSlot: k)
            guard t < end else { return nil }
            guard let gap = gap(containing: t) else { return Slot(index: k, instantNanoseconds: t, afterGap: skipped) }
            k = slotIndex(atOrAfter: gap.upperBound)
            skipped = true
        }
    }

    /// The instant `seconds` of normal play time after the start (RFC 2326 §3.6: NPT is
    /// the position relative to the beginning of the presentation; gaps are counted).
    public func instant(normalPlayTime seconds: Double) -> Int64 {
        startNanoseconds + Int64((seconds * 1e9).rounded())
    }

    /// The normal play time of `instant`, in seconds from the start.
    public func normalPlayTime(of instant: Int64) -> Double {
        Double(instant - startNanoseconds) / 1e9
    }
}
