/// The two limits on a connection's silence, in nanoseconds; 0 turns one off.
struct ConnectionTimeouts: Sendable, Equatable {
    /// How long one request (or interleaved frame) may take to arrive once it has begun.
    var header: Int64
    /// How long a connection with no session may go without a complete request.
    var idle: Int64

    init(headerSeconds: Int, idleSeconds: Int) {
        header = Int64(max(0, headerSeconds)) * 1_000_000_000
        idle = Int64(max(0, idleSeconds)) * 1_000_000_000
    }
}

/// Decides when a connection has been silent too long: mid-request past the header
/// timeout (a slow or stalled sender), or with no session and no request past the idle
/// timeout. Sans-IO: times come from an injected clock, and the handler asks `check`
/// at `nextCheck`.
///
/// While the connection holds a session it is never idle: each check with sessions
/// counts as activity, so the idle time of a connection whose sessions ended is counted
/// from the last check that saw one (at most `sessionRecheck` before they ended).
struct ConnectionActivity: Sendable {
    enum Verdict: Sendable, Equatable {
        /// Nothing to do; check again at this time.
        case keep(nextCheck: Int64)
        /// A request began and did not finish within the header timeout.
        case requestTimedOut
        /// No session and no request for the idle timeout.
        case idle
    }

    let timeouts: ConnectionTimeouts
    /// The last complete message, or the last check that found a session.
    private(set) var lastActivity: Int64
    /// When the message now partly received began, if one is.
    private(set) var partialSince: Int64?

    /// How often a connection that holds sessions is looked at, so that it is closed
    /// soon after its last session ends.
    var sessionRecheck: Int64 { max(250_000_000, timeouts.idle / 4) }

    init(timeouts: ConnectionTimeouts, now: Int64) {
        self.timeouts = timeouts
        lastActivity = now
    }

    /// Bytes arrived: `completed` messages became whole, and afterwards the connection is
    /// (or is not) in the middle of another one.
    mutating func noteInput(at now: Int64, completed: Int, midMessage: Bool) {
        if completed > 0 {
            lastActivity = now
            partialSince = nil
        }
        if midMessage {
            if partialSince == nil { partialSince = now }
        } else {
            partialSince = nil
        }
    }

    /// What to do at `now`, given whether the connection holds a live session.
    mutating func check(at now: Int64, hasSessions: Bool) -> Verdict {
        if let partialSince, timeouts.header > 0, now - partialSince >= timeouts.header {
            return .requestTimedOut
        }
        if hasSessions { lastActivity = max(lastActivity, now) }
        if !hasSessions, timeouts.idle > 0, now - lastActivity >= timeouts.idle {
            return .idle
        }
        return .keep(nextCheck: nextCheck(at: now, hasSessions: hasSessions))
    }

    /// The earliest time a limit could run out (`Int64.max` when none applies).
    func nextCheck(at now: Int64, hasSessions: Bool) -> Int64 {
        var next = Int64.max
        if let partialSince, timeouts.header > 0 { next = min(next, partialSince + timeouts.header) }
        if timeouts.idle > 0 {
            next = min(next, hasSessions ? now + sessionRecheck : lastActivity + timeouts.idle)
        }
        return next
    }
}
