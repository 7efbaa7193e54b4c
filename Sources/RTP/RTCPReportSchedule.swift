/// When a sender sends its next RTCP report. Pure: the caller passes the current monotonic
/// time in nanoseconds. The first report is due `firstDelay` after `start`, later ones
/// `interval` after the previous one was sent (RFC 3550 §6.2 suggests 5 s minimum).
public struct RTCPReportSchedule: Hashable, Sendable {
    /// Default delay of the first report after the stream starts: half the minimum interval
    /// (RFC 3550 §6.2).
    public static let defaultFirstDelayNanoseconds: Int64 = 500_000_000
    /// Default minimum interval between reports (RFC 3550 §6.2).
    public static let defaultIntervalNanoseconds: Int64 = 5_000_000_000

    public var firstDelayNanoseconds: Int64
    public var intervalNanoseconds: Int64
    /// The time at which the next report becomes due.
    public private(set) var nextDueNanoseconds: Int64
    /// When the last report was sent, if any.
    public private(set) var lastSentNanoseconds: Int64?

    public init(
        startNanoseconds: Int64,
        firstDelayNanoseconds: Int64 = defaultFirstDelayNanoseconds,
        intervalNanoseconds: Int64 = defaultIntervalNanoseconds
    ) {
        self.firstDelayNanoseconds = firstDelayNanoseconds
        self.intervalNanoseconds = intervalNanoseconds
        let (first, overflow) = startNanoseconds.addingReportingOverflow(firstDelayNanoseconds)
        nextDueNanoseconds = overflow ? Int64.max : first
    }

    public func isDue(atNanoseconds now: Int64) -> Bool { now >= nextDueNanoseconds }

    /// Records a report sent at `now`; the next is due one interval later.
    public mutating func markSent(atNanoseconds now: Int64) {
        lastSentNanoseconds = now
        let (next, overflow) = now.addingReportingOverflow(intervalNanoseconds)
        nextDueNanoseconds = overflow ? Int64.max : next
    }
}
