import NIOConcurrencyHelpers
import NIOCore

/// Every live RTSP session by id, and UDP sessions by the client's RTCP address so a
/// receiver report can keep its session alive (RFC 2326 §12.37, RFC 3550 §6.4.2).
final class SessionStore: Sendable {
    private struct State {
        var sessions: [String: RTSPServerSession] = [:]
        var byRTCPSource: [SocketAddress: String] = [:]
        /// Live sessions per owning connection, so a connection's idle check is O(1).
        var countByOwner: [ObjectIdentifier: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    func add(_ session: RTSPServerSession) {
        state.withLockedValue { state in
            guard state.sessions.updateValue(session, forKey: session.id) == nil else { return }
            state.countByOwner[session.ownerConnection, default: 0] += 1
        }
    }

    /// Whether the connection `owner` holds a live session.
    func hasSessions(owner: ObjectIdentifier) -> Bool {
        state.withLockedValue { $0.countByOwner[owner] != nil }
    }

    func session(id: String) -> RTSPServerSession? {
        state.withLockedValue { $0.sessions[id] }
    }

    func register(rtcpSource: SocketAddress, for session: RTSPServerSession) {
        state.withLockedValue { $0.byRTCPSource[rtcpSource] = session.id }
    }

    func session(rtcpSource: SocketAddress) -> RTSPServerSession? {
        state.withLockedValue { state in state.byRTCPSource[rtcpSource].flatMap { state.sessions[$0] } }
    }

    /// Removes the session; true when it was still there (so it is ended once).
    @discardableResult
    func remove(_ session: RTSPServerSession) -> Bool {
        state.withLockedValue { state in
            state.byRTCPSource = state.byRTCPSource.filter { $0.value != session.id }
            guard let removed = state.sessions.removeValue(forKey: session.id) else { return false }
            let owner = removed.ownerConnection
            if let count = state.countByOwner[owner], count > 1 {
                state.countByOwner[owner] = count - 1
            } else {
                state.countByOwner[owner] = nil
            }
            return true
        }
    }

    var all: [RTSPServerSession] { state.withLockedValue { Array($0.sessions.values) } }

    var count: Int { state.withLockedValue { $0.sessions.count } }
}
