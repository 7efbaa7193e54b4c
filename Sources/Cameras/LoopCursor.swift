/// Which frame of a loop a camera sends next. Pure: it wraps at the loop's end, and a
/// frame that starts a viewer jumps to the random-access frame nearest the cursor, so the
/// viewer starts at once instead of waiting for the GOP to come round.
public struct LoopCursor: Equatable, Sendable {
    /// Frames in the loop.
    public let frameCount: Int
    /// Frames a decoder can start from, ascending, the first 0.
    public let randomAccessFrames: [Int]
    /// The frame the next `advance` gives unless it jumps.
    public private(set) var position: Int

    public init(frameCount: Int, randomAccessFrames: [Int], position: Int = 0) {
        precondition(frameCount > 0 && randomAccessFrames.first == 0, "a loop starts with a random-access frame")
        self.frameCount = frameCount
        self.randomAccessFrames = randomAccessFrames
        self.position = position
    }

    /// The frame to send now: the cursor's, or with `randomAccess` the random-access frame
    /// nearest it (ties go back, the frame wrapping to 0 counting as the loop's end). The
    /// cursor then moves one frame on, wrapping.
    public mutating func advance(randomAccess: Bool) -> Int {
        if randomAccess { position = nearestRandomAccess(to: position) }
        let frame = position
        position = position + 1 == frameCount ? 0 : position + 1
        return frame
    }

    /// The random-access frame nearest `frame`, looking both ways round the loop.
    public func nearestRandomAccess(to frame: Int) -> Int {
        // The last random-access frame at or before `frame`, and the next one after it
        // (the loop's start again, 0, past the last).
        var low = 0, high = randomAccessFrames.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if randomAccessFrames[middle] <= frame { low = middle } else { high = middle }
        }
        let before = randomAccessFrames[low]
        let after = low + 1 < randomAccessFrames.count ? randomAccessFrames[low + 1] : frameCount
        guard before != frame else { return frame }
        return after - frame < frame - before ? (after == frameCount ? 0 : after) : before
    }
}
