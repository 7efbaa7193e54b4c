import H264

/// The frame clock of one stream: frame n is due at origin + n / fps on a monotonic
/// clock, so frame times never drift. When the stream falls behind it skips frames,
/// and each frame keeps the timestamp of its own slot.
public struct StreamClock: Sendable {
    public let frameRate: FrameRate
    /// Monotonic nanoseconds at frame 0.
    public let originNanos: Int64
    /// Wall-clock nanoseconds (Unix epoch) at frame 0.
    public let wallOriginNanos: Int64
    /// The next frame slot not yet taken.
    public private(set) var nextFrame: Int64 = 0

    public init(frameRate: FrameRate, originNanos: Int64, wallOriginNanos: Int64) {
        self.frameRate = frameRate
        self.originNanos = originNanos
        self.wallOriginNanos = wallOriginNanos
    }

    /// Monotonic time at which frame `index` is due.
    public func dueNanos(ofFrame index: Int64) -> Int64 {
        originNanos + frameRate.nanoseconds(untilFrame: index)
    }

    /// Wall-clock capture time of frame `index`.
    public func wallClockNanos(ofFrame index: Int64) -> Int64 {
        wallOriginNanos + frameRate.nanoseconds(untilFrame: index)
    }

    /// Nanoseconds of media time at frame `index`.
    public func mediaNanos(ofFrame index: Int64) -> Int64 {
        frameRate.nanoseconds(untilFrame: index)
    }

    /// The outcome of a tick: the frame to make now (if one is due) and how many slots were missed.
    public struct Tick: Equatable, Sendable {
        public var frame: Int64?
        public var skipped: Int64
    }

    /// Takes the latest due frame slot at `now`; the slots between the last one taken
    /// and it are skipped.
    public mutating func take(at now: Int64) -> Tick {
        let latest = frameRate.frameIndex(atNanoseconds: now - originNanos)
        guard latest >= nextFrame else { return Tick(frame: nil, skipped: 0) }
        let skipped = latest - nextFrame
        nextFrame = latest + 1
        return Tick(frame: latest, skipped: skipped)
    }

    /// Resumes after an idle spell: the slots nobody needed are not drops, and the
    /// next `take` returns the slot due now.
    public mutating func resume(at now: Int64) {
        nextFrame = max(nextFrame, frameRate.frameIndex(atNanoseconds: now - originNanos))
    }
}
