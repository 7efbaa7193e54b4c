import NIOCore
import NIOPosix

extension CamsimServer {
    /// Binds a TCP listener on `port` whose accepted connections, once admitted, each
    /// run the RTSP pipeline (`RTSPConnectionHandler` over an `RTSPConnection`).
    func bindRTSPListener(port: Int, admission: ConnectionAdmission) async throws -> any Channel {
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
                    let connection = RTSPConnection(channel: channel, environment: self.connectionEnvironment)
                    try channel.pipeline.syncOperations.addHandler(RTSPConnectionHandler(connection: connection))
                }
            }
            .bind(host: configuration.bindHost, port: port)
            .get()
    }
}
