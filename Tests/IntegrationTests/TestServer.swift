import Cameras
import Foundation
import Frames
import H264
import Server

/// Builds cameras for the tests and runs a server on 127.0.0.1 with a free port.
enum TestServer {
    /// The repository's `Patterns` directory, found from this file's path.
    static let patternsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // IntegrationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("Patterns")

    /// The scene library of the repository's `Patterns` directory.
    static func scenes() -> SceneLibrary {
        SceneLibrary(directory: patternsDirectory)
    }

    /// The scene every test camera draws: moving content with a running clock.
    static func scene() throws -> Scene {
        try scenes().scene(named: "smpte-clock")
    }

    /// One stream drawing the test scene, encoded at the given size and rate.
    static func stream(
        camera: String = "cam",
        name: String = "main",
        width: Int = 640,
        height: Int = 360,
        fps: Int = 15,
        gop: Int = 30
    ) throws -> StreamDefinition {
        let scene = try scene()
        return StreamDefinition(
            cameraName: camera, streamName: name,
            encoder: EncoderSettings(width: width, height: height, frameRate: FrameRate(numerator: fps), gop: gop),
            maxPacketSize: 1400, idleStopDelayNanoseconds: 0, alwaysOn: false, seed: 42,
            makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
    }

    /// A camera at `path` with a single 640x360 stream.
    static func camera(_ path: String = "cam", fps: Int = 15, gop: Int = 30) throws -> CameraDefinition {
        CameraDefinition(path: path, streams: [try stream(camera: path, fps: fps, gop: gop)])
    }

    /// A camera at `path` with `main` (640x360) and `sub` (320x180) streams.
    static func twoStreamCamera(_ path: String = "cam", fps: Int = 15) throws -> CameraDefinition {
        CameraDefinition(path: path, streams: [
            try stream(camera: path, name: "main", width: 640, height: 360, fps: fps),
            try stream(camera: path, name: "sub", width: 320, height: 180, fps: fps),
        ])
    }

    /// Starts a server for `cameras`, runs `body`, and shuts the server down whatever happens.
    static func with<T>(
        cameras: [CameraDefinition],
        sessionTimeoutSeconds: Int = 60,
        _ body: (CamsimServer) async throws -> T
    ) async throws -> T {
        try await with(cameras: cameras, configure: { $0.sessionTimeoutSeconds = sessionTimeoutSeconds }, body)
    }

    /// Starts `server`, runs `body`, and shuts the server down whatever happens.
    static func running<T>(_ server: CamsimServer, _ body: (CamsimServer) async throws -> T) async throws -> T {
        do {
            try await server.start()
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }
}
