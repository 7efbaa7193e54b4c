import NIOConcurrencyHelpers
import NIOCore

/// Every live RTSP session by id, and UDP sessions by the client's RTCP address so a
/// receiver report can keep its session alive (RFC 2326 §12.37, RFC 3550 §6.4.2).
final class SessionStore: Sendable {
    private struct State {
        var sessions: [String: RTSPServerSession] = [:]
        var byRTCPSource: [SocketAddress: String] = [:]
        /// The other way round: each UDP session's one registered RTCP source.
        var rtcpSourceBySession: [String: SocketAddress] = [:]
        /// Live sessions per owning connection, so a connection's idle check is O(1).
        var countByOwner: [ObjectIdentifier: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())
    /// Where sessions started and ended are counted.
    let activity: ServerActivityCounters

    init(activity: ServerActivityCounters = ServerActivityCounters()) {
        self.activity = activity
    }

    func add(_ session: RTSPServerSession) {
        let added = state.withLockedValue { state in
            guard state.sessions.updateValue(session, forKey: session.id) == nil else { return false }
            state.countByOwner[session.ownerConnection, default: 0] += 1
            return true
        }
        if added { activity.sessionsStarted.wrappingAdd(1, ordering: .relaxed) }
    }

    /// Whether the connection `owner` holds a live session.
    func hasSessions(owner: ObjectIdentifier) -> Bool {
        state.withLockedValue { $0.countByOwner[owner] != nil }
    }

    func session(id: String) -> RTSPServerSession? {
        state.withLockedValue { $0.sessions[id] }
    }

    /// Registers where the session's receiver reports come from, replacing the source of
    /// an earlier SETUP; nil (a re-SETUP onto TCP) forgets it.
    func register(rtcpSource: SocketAddress?, for session: RTSPServerSession) {
        state.withLockedValue { state in
            if let old = state.rtcpSourceBySession.removeValue(forKey: session.id) {
                state.byRTCPSource[old] = nil
            }
            guard let rtcpSource else { return }
            if let previousOwner = state.byRTCPSource.updateValue(session.id, forKey: rtcpSource) {
                state.rtcpSourceBySession[previousOwner] = nil
            }
            state.rtcpSourceBySession[session.id] = rtcpSource
        }
    }

    func session(rtcpSource: SocketAddress) -> RTSPServerSession? {
        state.withLockedValue { state in state.byRTCPSource[rtcpSource].flatMap { state.sessions[$0] } }
    }

    /// Removes the session; true when it was still there (so it is ended once).
    @discardableResult
    func remove(_ session: RTSPServerSession) -> Bool {
        let removed = state.withLockedValue { state in
            if let source = state.rtcpSourceBySession.removeValue(forKey: session.id) {
                state.byRTCPSource[source] = nil
            }
            guard let removed = state.sessions.removeValue(forKey: session.id) else { return false }
            let owner = removed.ownerConnection
            if let count = state.countByOwner[owner], count > 1 {
                state.countByOwner[owner] = count - 1
            } else {
                state.countByOwner[owner] = nil
            }
            return true
        }
        if removed { activity.sessionsEnded.wrappingAdd(1, ordering: .relaxed) }
        return removed
    }

    var all: [RTSPServerSession] { state.withLockedValue { Array($0.sessions.values) } }

    var count: Int { state.withLockedValue { $0.sessions.count } }
}
