import NIOCore
import NIOPosix
import NIOSSL

extension CamsimServer {
    /// Binds a TCP listener on `port` whose accepted connections, once admitted, each
    /// run the RTSP pipeline (`RTSPConnectionHandler` over an `RTSPConnection`). With
    /// `tls`, the TLS handler and its handshake guard come first: an RTSPS listener.
    func bindRTSPListener(
        port: Int, admission: ConnectionAdmission, tls: NIOSSLContext? = nil
    ) async throws -> any Channel {
        let logger = self.logger
        let limit = configuration.tcpViewerQueueLimit
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                // Before the accept handler, so it sees accepted channels and accept errors first.
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ListenerBackoffHandler(logger: logger))
                }
            }
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: limit / 2, high: limit))
            .childChannelInitializer { channel in
                guard admission.admit(channel) else {
                    let refusal = ConnectionRefused(
                        address: ConnectionAdmission.key(channel.remoteAddress), limit: admission.maximumPerAddress)
                    logger.debug("connection refused: \(refusal)")
                    return channel.eventLoop.makeFailedFuture(refusal)
                }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    let environment = self.connectionEnvironment
                    if let tls {
                        let limit = environment.settings.timeouts.header
                        try pipeline.addHandler(NIOSSLServerHandler(context: tls))
                        try pipeline.addHandler(TLSHandshakeGuard(
                            timeout: limit > 0 ? .nanoseconds(limit) : nil, logger: logger))
                    }
                    let connection = RTSPConnection(channel: channel, environment: environment, isTLS: tls != nil)
                    try pipeline.addHandler(RTSPConnectionHandler(connection: connection))
                }
            }
            .bind(host: configuration.bindHost, port: port)
            .get()
    }
}
