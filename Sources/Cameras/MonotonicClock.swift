import Foundation
import NIOCore

/// Where streams and sessions read the time. `CameraStream` hands its readings to its
/// state machine (`ClockReading`); the state machine's tests read a fake clock they move by hand.
public protocol MonotonicClock: Sendable {
    /// Monotonic nanoseconds from an arbitrary origin.
    func nanoseconds() -> Int64
    /// Wall-clock nanoseconds since the Unix epoch.
    func wallClockNanoseconds() -> Int64
    /// The event-loop deadline for a monotonic time from `nanoseconds()`.
    func deadline(forNanoseconds nanos: Int64) -> NIODeadline
}

/// The process's real clocks: NIO's uptime clock and the system wall clock.
public struct SystemMonotonicClock: MonotonicClock {
    public init() {}

    public func nanoseconds() -> Int64 { Int64(NIODeadline.now().uptimeNanoseconds) }

    public func wallClockNanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    public func deadline(forNanoseconds nanos: Int64) -> NIODeadline {
        .uptimeNanoseconds(UInt64(max(0, nanos)))
    }
}
