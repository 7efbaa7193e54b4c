/// Both clocks read at one moment: what the stream's state machine is given with each event.
public struct ClockReading: Hashable, Sendable {
    /// Monotonic nanoseconds (`MonotonicClock.nanoseconds()`).
    public var monotonic: Int64
    /// Wall-clock nanoseconds since the Unix epoch.
    public var wall: Int64

    public init(monotonic: Int64, wall: Int64) {
        self.monotonic = monotonic
        self.wall = wall
    }
}

extension MonotonicClock {
    /// Reads both clocks.
    public func reading() -> ClockReading {
        ClockReading(monotonic: nanoseconds(), wall: wallClockNanoseconds())
    }
}
