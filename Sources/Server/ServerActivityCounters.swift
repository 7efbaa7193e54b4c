import NIOConcurrencyHelpers
import RTSP
import Synchronization

/// Server-wide activity counts for metrics: RTSP requests answered, by method and status,
/// and sessions started, ended and timed out. Counted once per request or session,
/// never per packet.
public final class ServerActivityCounters: Sendable {
    public let sessionsStarted = Atomic<Int>(0)
    /// Every session that ended, whatever the reason (timeouts included).
    public let sessionsEnded = Atomic<Int>(0)
    /// Sessions that ended because their client went quiet (RFC 2326 §12.37).
    public let sessionsTimedOut = Atomic<Int>(0)
    private let requests = NIOLockedValueBox<[RequestKey: Int]>([:])

    /// A method and the status it was answered with.
    public struct RequestKey: Hashable, Sendable {
        /// The method's name; `OTHER` for a method RFC 2326 does not define, so a client
        /// cannot grow the table with made-up names.
        public var method: String
        public var status: Int
    }

    public init() {}

    func countRequest(_ method: RTSPMethod, status: Int) {
        let name = RTSPMethod.standard.contains(method) ? method.name : "OTHER"
        requests.withLockedValue { $0[RequestKey(method: name, status: status), default: 0] += 1 }
    }

    /// Requests answered so far, by method and status.
    public var requestCounts: [RequestKey: Int] { requests.withLockedValue { $0 } }
}
