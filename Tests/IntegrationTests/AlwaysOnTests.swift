import Cameras
import Server
import Testing

extension Integration {
    /// A camera with `on_demand: false` encodes from the moment it is mounted, with
    /// nobody watching, and keeps its one encoder when viewers come and go.
    @Suite
    struct AlwaysOnTests {
        @Test
        func anAlwaysOnCameraEncodesBeforeAnyoneAsks() async throws {
            var stream = try TestServer.stream(camera: "always")
            stream.alwaysOn = true
            try await TestServer.with(cameras: [CameraDefinition(path: "always", streams: [stream])]) { server in
                let stream = try #require(server.stream(atPath: "always"))
                let encoding = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.framesEncoded >= 5 }
                #expect(encoding, "no frames encoded without a viewer: \(stream.counters.snapshot)")
                let viewer = try RawRTSPClient(port: server.port)
                #expect(try viewer.request("DESCRIBE", server.url(forPath: "always")).status == 200)
                let open = try await stream.isEncoderOpen().get()
                #expect(open, "the encoder of an always-on camera closed")
                #expect(stream.counters.snapshot.encoderOpens == 1)
            }
        }
    }
}
