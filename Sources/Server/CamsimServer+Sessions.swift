import Faults
import NIOCore

extension CamsimServer {
    /// Every session that has chosen a transport, with its counts: unicast viewers (live
    /// or playback) read on their event loops, every track's added up, multicast sessions
    /// from their group's shared counters.
    public func sessionSummaries() async -> [SessionSummary] {
        // Every viewer is asked at once, each on its own loop, then the answers are gathered.
        var asked: [(RTSPServerSession, SessionSummary.Transport, EventLoopFuture<SessionTotals>)] = []
        var summaries: [SessionSummary] = []
        for session in sessions.all {
            guard let transport = session.transport else { continue }
            let kind = Self.kind(of: session, transport: transport)
            let viewers = session.bindings.map(\.viewer)
            if let viewer = viewers.first {
                asked.append((session, kind, SessionTotals.read(viewers, on: viewer.transport.eventLoop)))
            } else if let group = session.multicastGroup {
                let counters = group.counters
                summaries.append(Self.summary(
                    of: session, transport: kind,
                    packetsSent: counters.packetsSent.load(ordering: .relaxed),
                    bytesSent: counters.bytesSent.load(ordering: .relaxed), faults: [:], reception: nil))
            }
        }
        for (session, kind, answer) in asked {
            guard let statistics = try? await answer.get() else { continue }
            summaries.append(Self.summary(
                of: session, transport: kind, packetsSent: statistics.packetsSent, bytesSent: statistics.bytesSent,
                faults: statistics.faults.countsByCause, reception: statistics.reception))
        }
        return summaries.sorted { ($0.startedWallClockNanos, $0.id) < ($1.startedWallClockNanos, $1.id) }
    }

    private static func summary(
        of session: RTSPServerSession, transport: SessionSummary.Transport, packetsSent: Int, bytesSent: Int,
        faults: [String: Int], reception: ReceptionReport?
    ) -> SessionSummary {
        SessionSummary(
            id: session.id,
            camera: session.cameraPath,
            stream: session.cameraStream.definition.streamName,
            transport: transport,
            client: session.clientAddress.map(Self.hostAndPort) ?? "",
            startedWallClockNanos: session.startedWallClockNanos,
            packetsSent: packetsSent,
            bytesSent: bytesSent,
            faults: faults,
            reception: reception,
            playback: session.playback != nil,
            backchannel: session.backchannel.map { track in
                let counters = track.counters
                return SessionSummary.Backchannel(packets: counters.packets, bytes: counters.payloadBytes, lost: counters.lost)
            })
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

    /// What giving one session faults of its own would meet.
    public enum SessionFaultsTarget: Sendable, Equatable {
        /// No session has that id, or it has no transport yet.
        case noSession
        /// A multicast session: its packets are its group's, which faults of one viewer
        /// cannot touch (SET_PARAMETER answers 451 with `reason`).
        case refused(reason: String)
        /// A viewer of its own, whose faults may name its camera's profiles (`catalog`).
        case viewer(catalog: [String: FaultProfile])
    }

    /// Whether the session `id` can take faults of its own.
    public func faultsTarget(forSession id: String) -> SessionFaultsTarget {
        guard let session = sessions.session(id: id) else { return .noSession }
        if let viewer = session.viewer { return .viewer(catalog: viewer.faults.cameraCatalog) }
        if session.multicastGroup != nil { return .refused(reason: RTSPConnection.multicastFaultsRefusal) }
        return .noSession
    }

    /// Gives one session's viewer its own fault profile, on top of its camera's, as
    /// SET_PARAMETER does (replacing what the URL query or an earlier change gave it).
    /// False when no session has that id or it has no viewer (none yet, or multicast).
    @discardableResult
    public func setFaults(_ profile: FaultProfile, forSession id: String) -> Bool {
        guard let bindings = sessions.session(id: id)?.bindings, !bindings.isEmpty else { return false }
        for binding in bindings { binding.viewer.changeFaults(profile, replacing: true) }
        return true
    }

    /// The kind of transport a session's media takes, as the sessions list and the
    /// viewer gauges name it.
    static func kind(of session: RTSPServerSession, transport: RTSPServerSession.Transport) -> SessionSummary.Transport {
        switch transport {
        case .udp: return .udp
        case .interleaved: return session.viaTLS ? .tls : session.viaHTTPTunnel ? .http : .tcp
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
