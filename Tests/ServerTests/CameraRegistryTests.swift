import RTSP
import Testing
@testable import Server

@Suite struct CameraRegistryTests {
    static let cases: [(url: String, stream: String?, isTrack: Bool)] = [
        ("rtsp://h:8554/cam", "cam/main", false),
        ("rtsp://h:8554/cam/", "cam/main", false),
        ("rtsp://h:8554/cam/trackID=0", "cam/main", true),
        ("rtsp://h:8554/cam/stream=0", "cam/main", true),
        ("/cam/trackID=0", "cam/main", true),
        ("rtsp://h:8554/cam/sub", "cam/sub", false),
        ("rtsp://h:8554/cam/sub/trackID=0", "cam/sub", true),
        ("rtsp://h:8554/cam/main?loss=5", "cam/main", false),
        ("rtsp://h:8554/cam/trackID=1", nil, false),
        ("rtsp://h:8554/nope", nil, false),
        ("rtsp://h:8554/cam/sub/extra", nil, false),
    ]

    @Test(arguments: cases.map(\.url))
    func resolves(url: String) async throws {
        let expected = Self.cases.first { $0.url == url }!
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, networkThreads: 1, encodeThreads: 1),
            cameras: [])
        server.addCamera(EmbeddedRTSP.camera("cam", streams: ["main", "sub"]))
        let mount = server.registry.resolve(try #require(RTSPURL(parsing: url)))
        if let name = expected.stream {
            let resolved = try #require(mount)
            #expect("\(resolved.cameraPath)/\(resolved.stream.definition.streamName)" == name)
            #expect(resolved.isTrack == expected.isTrack)
        } else {
            #expect(mount == nil)
        }
        await server.shutdown()
    }

    /// A camera without a seed gets the same fault seed in every process (it once came
    /// from Swift's per-process `hashValue`): pinned to FNV-1a-64 of the path through fmix64.
    @Test func aCameraWithoutASeedGetsAStableFaultSeed() {
        #expect(CameraRegistry.faultSeed(path: "lobby", seed: nil) == 0xB4EA_F00B_B6C1_C767)
        #expect(CameraRegistry.faultSeed(path: "lobby", seed: 7) == 7)
        #expect(CameraRegistry.faultSeed(path: "lobby", seed: nil) != CameraRegistry.faultSeed(path: "lobby2", seed: nil))
    }
}
