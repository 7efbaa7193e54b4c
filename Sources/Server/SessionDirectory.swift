import NIOCore

/// Where a connection finds, adds and forgets RTSP sessions, and registers the UDP
/// address a session's receiver reports come from (RFC 3550 §6.4.2). The server's
/// `SessionStore` is the real one; tests use an in-memory fake.
protocol SessionDirectory: AnyObject, Sendable {
    func add(_ session: RTSPServerSession)
    func session(id: String) -> RTSPServerSession?
    func register(rtcpSource: SocketAddress, for session: RTSPServerSession)
    /// Removes the session; true when it was still there (so it is ended once).
    @discardableResult
    func remove(_ session: RTSPServerSession) -> Bool
    /// Every live session.
    var all: [RTSPServerSession] { get }
    /// Whether the connection `owner` holds a live session (it is then never idle).
    func hasSessions(owner: ObjectIdentifier) -> Bool
}

extension SessionStore: SessionDirectory {}
