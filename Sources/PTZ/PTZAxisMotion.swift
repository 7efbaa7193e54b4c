/// One axis of the head (pan, tilt or zoom) as a function of time: still at `from` until
/// `start`, then moving in a straight line to `to`, reached at `end` and kept after it.
/// A still axis has `from == to`. Times are nanoseconds on the clock the owner injects.
struct PTZAxisMotion: Sendable, Equatable {
    var from: Double
    var to: Double
    var start: Int64
    var end: Int64

    /// An axis standing at `value`.
    static func still(_ value: Double) -> PTZAxisMotion {
        PTZAxisMotion(from: value, to: value, start: 0, end: 0)
    }

    /// A move from `from` to `to` beginning at `start`, at `rate` units per second (> 0).
    static func move(from: Double, to: Double, start: Int64, rate: Double) -> PTZAxisMotion {
        let distance = abs(to - from)
        guard distance > 0, rate > 0, rate.isFinite else { return .still(to) }
        let seconds = distance / rate
        let nanoseconds = Int64(min(seconds * 1e9, Double(Int64.max / 4)).rounded(.up))
        return PTZAxisMotion(from: from, to: to, start: start, end: start + max(1, nanoseconds))
    }

    /// The axis's value at `time`.
    func value(at time: Int64) -> Double {
        if time >= end { return to }
        if time <= start { return from }
        let fraction = Double(time - start) / Double(end - start)
        return from + (to - from) * fraction
    }

    /// Whether the axis is moving at `time`.
    func isMoving(at time: Int64) -> Bool { from != to && time < end }
}
