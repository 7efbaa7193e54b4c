/// Nanoseconds in a second.
let nanosecondsPerSecond: Int64 = 1_000_000_000

/// Splits a time in nanoseconds (may be negative) into whole seconds, rounded towards
/// minus infinity, and the nanoseconds left over, in [0, 10^9).
@inline(__always)
func wholeSeconds(_ nanoseconds: Int64) -> (seconds: Int64, nanoseconds: Int64) {
    var seconds = nanoseconds / nanosecondsPerSecond
    var rest = nanoseconds % nanosecondsPerSecond
    if rest < 0 {
        seconds -= 1
        rest += nanosecondsPerSecond
    }
    return (seconds, rest)
}
