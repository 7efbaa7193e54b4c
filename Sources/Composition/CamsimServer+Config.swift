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
        let cameras = try config.cameras.map { camera in
            try CameraDefinition(camera, scene: resolver.scene(of: camera), mtu: config.server.mtu, faults: faults)
        }
        self.init(
            configuration: ServerConfiguration(config.server),
            cameras: cameras,
            faultCatalog: faults.catalog,
            clock: clock,
            logger: logger
        )
    }
}
