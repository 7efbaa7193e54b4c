import Faults
import NIOCore

extension CamsimServer {
    /// Every live session with its counts, each read on its viewer's event loop.
    public func sessionSummaries() async -> [SessionSummary] {
        // Every viewer is asked at once, each on its own loop, then the answers are gathered.
        let asked = sessions.all.compactMap { session -> (RTSPServerSession, RTSPServerSession.Transport, EventLoopFuture<ViewerStatistics>)? in
            guard let transport = session.transport, let viewer = session.viewer else { return nil }
            return (session, transport, viewer.statistics())
        }
        var summaries: [SessionSummary] = []
        for (session, transport, answer) in asked {
            guard let statistics = try? await answer.get() else { continue }
            summaries.append(SessionSummary(
                id: session.id,
                camera: session.cameraPath,
                stream: session.stream.definition.streamName,
                transport: Self.kind(of: transport, viaHTTPTunnel: session.viaHTTPTunnel),
                client: session.clientAddress.map(Self.hostAndPort) ?? "",
                startedWallClockNanos: session.startedWallClockNanos,
                packetsSent: statistics.packetsSent,
                bytesSent: statistics.bytesSent,
                faults: statistics.faults.countsByCause,
                reception: statistics.reception))
        }
        return summaries.sorted { ($0.startedWallClockNanos, $0.id) < ($1.startedWallClockNanos, $1.id) }
    }

    /// Ends one session as TEARDOWN would (RTCP BYE), then closes its connection if that
    /// holds no other session. False when no session has that id.
    @discardableResult
    public func endSession(id: String) -> Bool {
        guard let session = sessions.session(id: id) else { return false }
        session.end(reason: "ended by the control API")
        if !sessions.hasSessions(owner: session.ownerConnection) { session.closeConnectionAfterViewer() }
        logger.info("session ended by the control API", metadata: ["session": "\(id)"])
        return true
    }

    /// Gives one session's viewer its own fault profile, on top of its camera's, as
    /// SET_PARAMETER does (replacing what the URL query or an earlier change gave it).
    /// False when no session has that id or it has no viewer yet.
    @discardableResult
    public func setFaults(_ profile: FaultProfile, forSession id: String) -> Bool {
        guard let viewer = sessions.session(id: id)?.viewer else { return false }
        viewer.changeFaults(profile, replacing: true)
        return true
    }

    static func kind(of transport: RTSPServerSession.Transport, viaHTTPTunnel: Bool) -> SessionSummary.Transport {
        switch transport {
        case .udp: return .udp
        case .interleaved: return viaHTTPTunnel ? .http : .tcp
        case .multicast: return .multicast
        }
    }

    /// `127.0.0.1:5000`, `[::1]:5000`.
    static func hostAndPort(_ address: SocketAddress) -> String {
        let host = address.ipAddress ?? "?"
        let port = address.port.map(String.init) ?? "?"
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension CamsimServer {
    /// The named fault profiles a session's `profile` may name (its camera's catalog);
    /// nil when no session has that id or it has no viewer yet.
    public func faultCatalog(forSession id: String) -> [String: FaultProfile]? {
        sessions.session(id: id)?.viewer?.faults.cameraCatalog
    }
}
