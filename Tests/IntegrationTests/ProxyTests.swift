import Foundation
import Testing

extension Integration {
    /// Proxy cameras in front of a server we did not write: GStreamer's gst-rtsp-server.
    @Suite
    struct ProxyTests {
        /// A configuration with one proxy camera of `upstream` at `door`.
        static func yaml(_ upstream: UpstreamServer, mtu: Int = 1400, extra: String = "") -> String {
            FaultRig.serverBlock(mtu: mtu) + """
                cameras:
                  - path: door
                    source: \(upstream.url)
                    reconnect: { initial: 250ms, max: 1s }
                \(extra)
                """
        }

        @Test
        func aDescribeWhileTheUpstreamIsDownGets503WithRetryAfter() async throws {
            // Port 1 on loopback: nothing listens, every attempt is refused at once.
            let yaml = FaultRig.serverBlock() + """
                cameras:
                  - path: door
                    source: rtsp://127.0.0.1:1/live
                    reconnect: { initial: 2s, max: 4s }
                """
            try await FaultRig.with(yaml) { server in
                let client = try RawRTSPClient(port: server.port)
                let reply = try client.request("DESCRIBE", server.url(forPath: "door"), headers: [("Accept", "application/sdp")])
                #expect(reply.status == 503, "\(reply)")
                let retryAfter = try #require(reply.header("Retry-After").flatMap { Int($0) }, "\(reply)")
                #expect((1...4).contains(retryAfter), "\(reply)")
                let status = try #require(server.stream(atPath: "door")?.upstreamStatus)
                #expect(status.state == "retrying" && status.failures >= 1, "\(status)")
            }
        }

        @Test
        func anUpstreamInACodecCamsimCannotRelayGets415() async throws {
            try await UpstreamServer.with(codec: "h265") { upstream in
                try await FaultRig.with(Self.yaml(upstream)) { server in
                    let client = try RawRTSPClient(port: server.port)
                    let reply = try client.request("DESCRIBE", server.url(forPath: "door"), headers: [("Accept", "application/sdp")])
                    #expect(reply.status == 415, "\(reply)")
                    #expect(reply.bodyText.contains("H265"), "\(reply)")
                }
            }
        }

        @Test
        func ffmpegAndGStreamerPlayTheProxiedStream() async throws {
            let gst = try Clients.gstLaunch()
            try await UpstreamServer.with { upstream in
                try await FaultRig.with(Self.yaml(upstream)) { server in
                    let url = server.url(forPath: "door")
                    let probe = try await Clients.ffprobeRTSP(
                        url, ["-select_streams", "v", "-show_entries", "stream=codec_name,width,height,r_frame_rate",
                              "-of", "compact=p=0"])
                    #expect(probe.succeeded, "\(probe)")
                    #expect(probe.stdout.contains("codec_name=h264|width=320|height=240|r_frame_rate=25/1"), "\(probe)")
                    let pulled = try await Clients.ffmpegFrames(url, transport: "tcp", seconds: 2)
                    #expect(pulled.result.succeeded, "\(pulled.result)")
                    #expect(pulled.frames >= 30, "\(pulled.frames) frames in 2 s\n\(pulled.result)")
                    let played = await ClientProcess.run(gst, [
                        "rtspsrc", "location=\(url)", "protocols=udp",
                        "!", "rtph264depay", "!", "avdec_h264", "!", "fakesink", "num-buffers=25",
                    ], timeoutSeconds: 30)
                    #expect(played.gstreamerPlayedToTheEnd, "\(played)")
                }
            }
        }

        @Test(arguments: ["udp", "tcp", "http"])
        func everySourceTransportRelays(transport: String) async throws {
            try await UpstreamServer.with { upstream in
                try await FaultRig.with(Self.yaml(upstream, extra: "    source_transport: \(transport)")) { server in
                    let pulled = try await Clients.ffmpegFrames(server.url(forPath: "door"), transport: "tcp", seconds: 1)
                    #expect(pulled.result.succeeded, "\(pulled.result)")
                    #expect(pulled.frames >= 15, "\(pulled.frames) frames in 1 s over \(transport)\n\(pulled.result)")
                }
            }
        }

        @Test
        func lossOnOneViewerLeavesTheOtherWholeAndUpstreamSeesOneSession() async throws {
            // Many small packets: the proxy cuts the upstream's 2 Mbit/s of noise into 600-byte packets.
            try await UpstreamServer.with(size: "640x360", bitrateKbps: 2_000, pattern: "snow") { upstream in
                try await FaultRig.with(Self.yaml(upstream, mtu: 600)) { server in
                    let lossy = try FaultUDPViewer(port: server.port, url: server.url(forPath: "door"))
                    let clean = try FaultUDPViewer(port: server.port, url: server.url(forPath: "door"))
                    try lossy.start(query: "loss=10")
                    try clean.start()
                    let enough = await Poll.until(timeoutSeconds: 20) {
                        lossy.sequencedPackets.count >= 2_000 && clean.sequencedPackets.count >= 2_000
                    }
                    lossy.teardown()
                    clean.teardown()
                    lossy.rtp.stop()
                    clean.rtp.stop()
                    #expect(enough, "lossy \(lossy.sequencedPackets.count), clean \(clean.sequencedPackets.count) packets")
                    let lossyStats = FaultSequenceStats(lossy.sequencedPackets, from: Int64(try #require(lossy.firstSequence)))
                    let cleanStats = FaultSequenceStats(clean.sequencedPackets, from: Int64(try #require(clean.firstSequence)))
                    print("proxy loss=10: \(lossyStats); clean viewer: \(cleanStats); upstream sessions: \(upstream.sessions)")
                    #expect(lossy.rtp.kernelDrops ?? 0 == 0 && clean.rtp.kernelDrops ?? 0 == 0, "the test's sockets dropped packets")
                    #expect(abs(lossyStats.loss - 0.10) <= 0.02, "\(lossyStats)")
                    #expect(cleanStats.missing.isEmpty, "\(cleanStats)")
                    #expect(upstream.sessions == 1)
                }
            }
        }

        @Test
        func aPlayingViewerResumesAfterTheUpstreamRestarts() async throws {
            let first = try await UpstreamServer()
            defer { first.stop() }
            let port = first.port
            try await FaultRig.with(Self.yaml(first)) { server in
                let stream = try #require(server.stream(atPath: "door"))
                // ffmpeg plays 8 s of media time; the upstream dies 2 s in and is back 1 s later.
                async let pulled = Clients.ffmpegPull(
                    server.url(forPath: "door"), transport: "tcp",
                    output: ["-an", "-t", "8", "-f", "framecrc", "-"], timeoutSeconds: 40)
                let playing = await Poll.until(timeoutSeconds: 15) { stream.counters.snapshot.activeViewers == 1 }
                #expect(playing)
                try await Task.sleep(for: .seconds(2))
                first.stop()
                let down = await Poll.until(timeoutSeconds: 5) { stream.upstreamStatus?.state != "up" }
                #expect(down, "the proxy did not notice the upstream's death")
                try await Task.sleep(for: .seconds(1))
                let second = try await UpstreamServer(port: port)
                defer { second.stop() }
                let back = await Poll.until(timeoutSeconds: 8) { stream.upstreamStatus?.reconnects ?? 0 >= 1 }
                #expect(back, "no reconnect: \(String(describing: stream.upstreamStatus))")
                let result = try await pulled
                let times = Self.frameTimes(framecrc: result.stdout)
                print("ffmpeg decoded \(times.count) frames, last at \(times.last ?? -1) s; upstream sessions \(second.sessions)")
                #expect(!result.timedOut, "\(result)")
                #expect((times.last ?? 0) - (times.first ?? 0) > 5, "no frames after the restart\n\(result)")
            }
        }

        /// The presentation times, in seconds, of the frames in ffmpeg's framecrc output
        /// (`#tb 0: 1/90000`, then `stream, dts, pts, duration, size, crc` per frame).
        static func frameTimes(framecrc: String) -> [Double] {
            let lines = framecrc.split(separator: "\n")
            guard let base = lines.first(where: { $0.hasPrefix("#tb 0:") })?.split(separator: ":").last?
                .trimmingCharacters(in: .whitespaces).split(separator: "/"),
                  base.count == 2, let numerator = Double(base[0]), let denominator = Double(base[1]), denominator > 0
            else { return [] }
            return lines.filter { !$0.hasPrefix("#") }.compactMap { line in
                let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                return fields.count > 2 ? Double(fields[2]).map { $0 * numerator / denominator } : nil
            }
        }

        @Test
        func theGOPCacheStartsAViewerAtOnceThoughUpstreamsGOPIsFourSeconds() async throws {
            try await UpstreamServer.with(gop: 100) { upstream in
                try await FaultRig.with(Self.yaml(upstream, extra: "    on_demand: false")) { server in
                    let stream = try #require(server.stream(atPath: "door"))
                    // Upstream is mid-GOP: more than one second past an IDR.
                    let warm = await Poll.until(timeoutSeconds: 20) { stream.counters.snapshot.framesEncoded >= 40 }
                    #expect(warm, "the proxy relayed \(stream.counters.snapshot.framesEncoded) units")
                    let result = try await Clients.ffmpegPull(
                        server.url(forPath: "door"), transport: "tcp",
                        output: ["-an", "-frames:v", "1", "-f", "null", "-"], timeoutSeconds: 20)
                    print("proxy time to first frame: \(String(format: "%.3f", result.elapsedSeconds)) s (upstream GOP 4 s)")
                    #expect(result.succeeded, "\(result)")
                    #expect(result.elapsedSeconds < 0.3, "first frame after \(result.elapsedSeconds) s")
                }
            }
        }
    }
}
