import Cameras
import Config
import Faults
import Frames
import H264
import Logging

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

extension CamsimServer {
    /// Every scene and fault problem of a configuration that loaded, each naming its place.
    public static func problems(in config: CamsimConfig, scenes: SceneLibrary) -> [String] {
        let (faults, catalogProblems) = ConfiguredFaults.reading(config)
        var problems = catalogProblems.map(\.description)
        var resolver = SceneResolver(scenes)
        for camera in config.cameras {
            // The scene and the faults separately, so one camera can report both.
            do {
                _ = try resolver.scene(of: camera)
            } catch let error as SceneError {
                problems += error.all.map { "camera '\(camera.path)': \($0)" }
            } catch {
                problems.append("camera '\(camera.path)': \(error)")
            }
            do {
                _ = try faults.profile(for: camera)
            } catch {
                problems.append("camera '\(camera.path)': \(error)")
            }
        }
        return problems
    }
}

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
            maximumConnectionsPerAddress: settings.maxConnectionsPerAddress
        )
    }
}

extension CameraDefinition {
    /// A configured camera: its scene and faults resolved and one stream definition per stream.
    init(_ camera: CameraConfig, scene: Scene, mtu: Int, faults: ConfiguredFaults) throws {
        let name = camera.path.split(separator: "/").last.map(String.init) ?? camera.path
        let streams = camera.streams.map { stream in
            StreamDefinition(
                cameraName: name,
                streamName: stream.name,
                encoder: EncoderSettings(stream),
                maxPacketSize: mtu,
                idleStopDelayNanoseconds: Int64(camera.idleStopSeconds * 1e9),
                alwaysOn: !camera.onDemand,
                seed: camera.seed,
                makeSource: { width, height in try scene.makeRenderer(width: width, height: height) }
            )
        }
        self.init(path: camera.path, streams: streams, faults: try faults.profile(for: camera))
    }
}

extension EncoderSettings {
    /// Encoder settings for a configured stream.
    public init(_ stream: StreamConfig) {
        let rateControl: RateControl
        switch stream.rateControl {
        case .bitrate(let kbps): rateControl = .averageBitrate(kbps: kbps)
        case .crf(let factor): rateControl = .constantRateFactor(factor)
        }
        self.init(
            width: stream.width,
            height: stream.height,
            frameRate: FrameRate(stream.fps),
            rateControl: rateControl,
            gop: stream.gop,
            profile: Profile(rawValue: stream.profile.rawValue) ?? .high,
            preset: stream.preset,
            tune: stream.tune
        )
    }
}
