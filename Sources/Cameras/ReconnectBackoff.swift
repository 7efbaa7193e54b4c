/// Delays between attempts to reach an upstream: `initial`, then doubling up to
/// `maximum`, back to `initial` once a connection succeeds.
struct ReconnectBackoff: Sendable, Equatable {
    let initialNanoseconds: Int64
    let maximumNanoseconds: Int64
    /// Failed attempts since the last success.
    private(set) var failures = 0

    init(initialNanoseconds: Int64, maximumNanoseconds: Int64) {
        precondition(initialNanoseconds > 0 && maximumNanoseconds >= initialNanoseconds)
        self.initialNanoseconds = initialNanoseconds
        self.maximumNanoseconds = maximumNanoseconds
    }

    /// Records a failure and returns how long to wait before the next attempt.
    mutating func delayAfterFailure() -> Int64 {
        let doublings = min(failures, 62)
        failures += 1
        let (scaled, overflow) = initialNanoseconds.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflow ? maximumNanoseconds : min(scaled, maximumNanoseconds)
    }

    mutating func succeeded() { failures = 0 }
}
