import Testing

extension Integration {
    /// GStreamer's rtspsrc, depayloader and libav decoder accept the stream.
    @Suite
    struct GStreamerTests {
        @Test(arguments: ["tcp", "udp"])
        func decodeThirtyFrames(transport: String) async throws {
            let gst = try Clients.gstLaunch()
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let result = await ClientProcess.run(gst, [
                    "rtspsrc", "location=\(server.url(forPath: "cam"))", "protocols=\(transport)",
                    "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=30",
                ], timeoutSeconds: 60)
                #expect(result.gstreamerPlayedToTheEnd, "\(result)")
            }
        }
    }
}
