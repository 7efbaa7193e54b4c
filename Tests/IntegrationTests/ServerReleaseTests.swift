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

        /// Viewers still connected when the server stops, over TCP and UDP, on a camera
        /// with two streams: the connections close with the event loops, and nothing
        /// they held keeps the server or any stream.
        @Test
        func aServerStoppedUnderItsViewersFreesItsStreams() async throws {
            weak var weakServer: CamsimServer?
            var weakStreams: [WeakStream] = []
            var clients: [RawRTSPClient] = []
            let (rtp, rtcp) = try UDPReceiver.bindPair()
            try await {
                let server = CamsimServer(
                    configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0),
                    cameras: [try TestServer.twoStreamCamera("cam")])
                weakServer = server
                try await TestServer.running(server) { server in
                    let main = try RawRTSPClient(port: server.port)
                    _ = try main.describeSetupPlay(server.url(forPath: "cam/main"), transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                    let sub = try RawRTSPClient(port: server.port)
                    _ = try sub.describeSetupPlay(
                        server.url(forPath: "cam/sub"), transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                    clients = [main, sub]
                    weakStreams = [WeakStream(server.stream(atPath: "cam/main")), WeakStream(server.stream(atPath: "cam/sub"))]
                    _ = try #require(rtp.receive(timeoutSeconds: 10), "no RTP before the server stopped")
                }
            }()
            let freed = await Poll.until(timeoutSeconds: 10) { weakServer == nil && weakStreams.allSatisfy { $0.stream == nil } }
            #expect(freed, "server \(weakServer == nil ? "freed" : "kept"), streams kept: \(weakStreams.filter { $0.stream != nil }.count)")
            withExtendedLifetime(clients) {}
        }

        /// A camera removed while the server runs is freed with its viewers' sessions,
        /// over TCP and UDP alike, while the server and its other cameras carry on.
        @Test
        func aRemovedCameraIsFreed() async throws {
            weak var weakStream: CameraStream?
            try await TestServer.with(cameras: [try TestServer.camera("cam"), try TestServer.camera("other")]) { server in
                let url = server.url(forPath: "cam")
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let tcp = try RawRTSPClient(port: server.port)
                let udp = try RawRTSPClient(port: server.port)
                try await {
                    let stream = try #require(server.stream(atPath: "cam"))
                    weakStream = stream
                    _ = try tcp.describeSetupPlay(url, transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                    _ = try udp.describeSetupPlay(url, transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                    _ = try #require(rtp.receive(timeoutSeconds: 10), "no RTP before the camera was removed")
                }()
                await server.removeCamera(path: "cam")
                let freed = await Poll.until(timeoutSeconds: 10) { weakStream == nil && server.sessionCount == 0 }
                #expect(freed, "stream \(weakStream == nil ? "freed" : "kept"), \(server.sessionCount) sessions left")
                #expect(server.stream(atPath: "other") != nil)
                withExtendedLifetime((tcp, udp)) {}
            }
        }
    }
}

/// A stream the test must not keep alive itself.
private struct WeakStream {
    weak var stream: CameraStream?
    init(_ stream: CameraStream?) { self.stream = stream }
}
