import Cameras
import Foundation
import Server
import Testing

extension Integration {
    /// A server that shuts down lets go of its cameras: their streams, encoders and
    /// packet buffers are freed, not kept alive by a cycle (a reload that removes a
    /// camera, or a test process starting many servers, must not leak them).
    @Suite
    struct ServerReleaseTests {
        @Test
        func aStoppedServerFreesItsStreams() async throws {
            weak var weakStream: CameraStream?
            weak var weakServer: CamsimServer?
            try await {
                let server = CamsimServer(
                    configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0),
                    cameras: [try TestServer.camera("cam")])
                weakServer = server
                try await TestServer.running(server) { server in
                    let stream = try #require(server.stream(atPath: "cam"))
                    weakStream = stream
                    let client = try RawRTSPClient(port: server.port)
                    _ = try client.describeSetupPlay(server.url(forPath: "cam"), transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                    let flowing = await Poll.until(timeoutSeconds: 10) { stream.counters.snapshot.framesEncoded > 3 }
                    #expect(flowing)
                }
            }()
            let freed = await Poll.until(timeoutSeconds: 10) { weakStream == nil && weakServer == nil }
            #expect(freed, "server \(weakServer == nil ? "freed" : "kept"), stream \(weakStream == nil ? "freed" : "kept")")
        }
    }
}
