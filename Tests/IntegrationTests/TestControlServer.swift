import Composition
import Config
import Control
import Foundation
import Logging
import Server
import ServiceLifecycle

/// A camsim server built from a configuration, with its control API, both on 127.0.0.1
/// with free ports; what the control-plane tests drive with real HTTP clients.
enum TestControlServer {
    /// The running pair: the RTSP server, the configuration in force, and the API's base URL.
    struct Running: Sendable {
        let server: CamsimServer
        let running: RunningConfiguration
        let control: ControlServer
        /// `http://127.0.0.1:PORT`, no trailing slash.
        let baseURL: String
        /// The bearer token the API demands, if any.
        let token: String?

        /// A client for the API, sending the token unless told otherwise.
        func client(token: String?? = .none) -> ControlClient {
            ControlClient(baseURL: baseURL, token: token ?? self.token)
        }
    }

    /// A configuration of `paths`, each one 640x360 15 fps `smpte-clock` camera (on demand,
    /// stopping as soon as its last viewer leaves), for 127.0.0.1 and a free RTSP port.
    static func config(cameras paths: [String] = ["cam"]) -> CamsimConfig {
        let stream = StreamConfig(width: 640, height: 360, fps: 15, gop: 30)
        var config = CamsimConfig(cameras: paths.enumerated().map { index, path in
            CameraConfig(path: path, streams: [stream], idleStopSeconds: 0, seed: 42 + UInt64(index))
        })
        config.server.bind = "127.0.0.1"
        config.server.port = 0
        return config
    }

    /// Starts the RTSP server for `config` and the control API beside it (on 127.0.0.1,
    /// port 0, demanding `token` if given, serving `shard`), runs `body`, then stops both whatever happens.
    static func with<T: Sendable>(
        config: CamsimConfig = config(),
        token: String? = nil,
        shard: Shard? = nil,
        _ body: (Running) async throws -> T
    ) async throws -> T {
        var config = config
        config.server.bind = "127.0.0.1"
        config.server.port = 0
        let scenes = TestServer.scenes()
        let server = try CamsimServer(config: config, scenes: scenes)
        let running = RunningConfiguration(server: server, config: config, scenes: scenes)
        var api = ControlAPI(server: server, running: running, scenes: scenes)
        api.shard = shard
        let control = ControlServer(settings: ControlSettings(host: "127.0.0.1", port: 0, token: token), api: api)
        return try await TestServer.running(server) { server in
            // In a service group of its own, so it stops the way `camsim serve` stops it.
            let group = ServiceGroup(services: [control], logger: Logger(label: "test.control"))
            let serving = Task { try await group.run() }
            do {
                let address = try await control.boundAddress()
                let result = try await body(Running(
                    server: server, running: running, control: control,
                    baseURL: "http://\(address.description)", token: token))
                await group.triggerGracefulShutdown()
                _ = await serving.result
                return result
            } catch {
                await group.triggerGracefulShutdown()
                _ = await serving.result
                throw error
            }
        }
    }
}
