import NIOCore

extension CamsimServer {
    /// What each accepted connection is given: this server's parts behind narrow protocols.
    var connectionEnvironment: ConnectionEnvironment {
        ConnectionEnvironment(
            clock: clock,
            sessions: sessions,
            cameras: registry,
            mediaPorts: ServerMediaPorts(server: self),
            tunnels: tunnels,
            settings: ConnectionSettings(
                sessionTimeoutSeconds: configuration.sessionTimeoutSeconds, urlHost: urlHost,
                timeouts: ConnectionTimeouts(
                    headerSeconds: configuration.headerTimeoutSeconds,
                    idleSeconds: configuration.idleConnectionTimeoutSeconds),
                maxPlaybackSessions: configuration.maxPlaybackSessions),
            authentication: authentication,
            logger: logger,
            events: events,
            activity: activity
        )
    }
}

/// The server's bound UDP pairs as `MediaPorts`, one per event loop; read when a SETUP
/// asks, since the pairs are bound when the server starts.
struct ServerMediaPorts: MediaPorts {
    let server: CamsimServer

    func serverPortPair(near eventLoop: any EventLoop) -> (rtp: Int, rtcp: Int)? {
        server.udpPorts.map { $0.pair(for: eventLoop) }.map { ($0.rtpPort, $0.rtcpPort) }
    }

    func udpTransport(
        rtpDestination: SocketAddress, rtcpDestination: SocketAddress, near eventLoop: any EventLoop
    ) -> (any MediaTransport)? {
        guard let ports = server.udpPorts else { return nil }
        return UDPMediaTransport(
            ports: ports.pair(for: eventLoop), rtpDestination: rtpDestination, rtcpDestination: rtcpDestination)
    }
}
