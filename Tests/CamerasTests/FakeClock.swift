import NIOCore
@testable import Cameras

/// A clock that stands still until a test moves it. Its wall clock keeps a fixed offset
/// from the monotonic one.
final class FakeClock: MonotonicClock, @unchecked Sendable {
    private(set) var now: Int64
    let wallOffset: Int64

    init(now: Int64 = 1_000_000_000, wallOffset: Int64 = 1_790_000_000_000_000_000) {
        self.now = now
        self.wallOffset = wallOffset
    }

    func nanoseconds() -> Int64 { now }
    func wallClockNanoseconds() -> Int64 { now + wallOffset }
    func deadline(forNanoseconds nanos: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(max(0, nanos))) }

    /// Moves the clock forward by `nanoseconds`.
    func advance(by nanoseconds: Int64) { now += nanoseconds }

    /// Moves the clock to `nanoseconds`, which must not be in the past.
    func advance(to nanoseconds: Int64) {
        precondition(nanoseconds >= now, "a monotonic clock does not go back")
        now = nanoseconds
    }
}
