import Cameras
import Config
import Frames
import Logging
import Server

extension CamsimServer {
    /// A server for a loaded configuration. Every scene is loaded and checked here,
    /// before anything listens, so a bad scene stops start-up with its file and line.
    public convenience init(
        config: CamsimConfig,
        scenes: SceneLibrary,
        clock: any MonotonicClock = SystemMonotonicClock(),
        logger: Logger = Logger(label: "camsim")
    ) throws {
        let faults = try ConfiguredFaults(config)
        var resolver = SceneResolver(scenes)
        // `mtu` is the IP datagram size: RTP packets get what the IP and UDP headers of
        // the bound address's family leave of it.
        let maxPacketSize = RTPPacketBudget.maxPacketSize(mtu: config.server.mtu, bindHost: config.server.bind)
        let multicast = try MulticastAllocation(config)
        let cameras = try config.cameras.map { camera in
            try CameraDefinition(
                camera, scene: resolver.scene(of: camera), maxPacketSize: maxPacketSize, faults: faults,
                multicast: CameraDefinition.multicastAnswers(
                    path: camera.path, allocation: multicast, settings: config.server.multicast))
        }
        var configuration = ServerConfiguration(config.server)
        configuration.rtsps = try RTSPSSettings(config.server.tls)
        self.init(
            configuration: configuration,
            cameras: cameras,
            faultCatalog: faults.catalog,
            authentication: AuthenticationSetup(config),
            clock: clock,
            logger: logger
        )
    }
}
