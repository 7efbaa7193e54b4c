import Config
import Server

extension ServerConfiguration {
    /// The server part of a configuration file.
    public init(_ settings: ServerSettings) {
        self.init(
            bindHost: settings.bind,
            port: settings.port,
            rtpPortRange: settings.rtpPortRange,
            sessionTimeoutSeconds: settings.sessionTimeoutSeconds,
            headerTimeoutSeconds: settings.headerTimeoutSeconds,
            idleConnectionTimeoutSeconds: settings.idleTimeoutSeconds,
            maximumConnectionsPerAddress: settings.maxConnectionsPerAddress,
            multicast: settings.multicast.map(MulticastDelivery.init)
        )
        maxPlaybackSessions = settings.maxPlaybackSessions
    }
}
