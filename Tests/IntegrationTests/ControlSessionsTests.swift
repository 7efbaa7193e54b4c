import Foundation
import RTP
import Testing

/// `/api/v1/sessions` against real viewers: their RTCP receiver reports fill in a
/// session's `rtcp`, a viewer's own faults are set over the API, and kicking a session
/// ends that viewer only.
@Suite(.serialized) struct ControlSessionsTests {
    /// The sessions the API lists now.
    static func sessions(_ api: TestControlServer.Running) async throws -> [[String: Any]] {
        let reply = try await api.client().get("/api/v1/sessions")
        #expect(reply.status == 200, "\(reply)")
        return reply.json["sessions"] as? [[String: Any]] ?? []
    }

    /// ffmpeg pulling `url` over `transport` for `seconds`, discarding the picture.
    static func pull(_ url: String, transport: String, seconds: Int) -> Task<ProcessResult, any Error> {
        Task {
            try await Clients.ffmpegPull(
                url, transport: transport, output: ["-an", "-t", "\(seconds)", "-f", "null", "-"],
                timeoutSeconds: Double(seconds) + 30)
        }
    }

    /// A viewer that sends RTCP receiver reports: ffmpeg does over UDP, but not on a TCP
    /// connection, where GStreamer's rtspsrc does (as `$` frames on the RTCP channel).
    enum ReportingViewer: String, CaseIterable, Sendable {
        case ffmpegUDP, gstreamerTCP

        var transport: String { self == .ffmpegUDP ? "udp" : "tcp" }

        func start(_ url: String) -> Task<ProcessResult, any Error> {
            switch self {
            case .ffmpegUDP:
                return ControlSessionsTests.pull(url, transport: "udp", seconds: 20)
            case .gstreamerTCP:
                return Task {
                    let gst = try Clients.gstLaunch()
                    return await ClientProcess.run(gst, [
                        "-q", "rtspsrc", "location=\(url)", "protocols=tcp",
                        "!", "rtph264depay", "!", "fakesink", "num-buffers=300",
                    ], timeoutSeconds: 50)
                }
            }
        }
    }

    /// Once a receiver report has come (RFC 3550 §6.2: every few seconds), the session
    /// shows the viewer's loss, jitter and the round-trip time from LSR/DLSR.
    @Test(arguments: ReportingViewer.allCases)
    func receiverReportsFillInTheSessionsRTCP(viewer client: ReportingViewer) async throws {
        let transport = client.transport
        try await TestControlServer.with { api in
            let viewer = client.start(api.server.url(forPath: "cam"))
            defer { viewer.cancel() }
            var rtcp: [String: Any] = [:]
            var session: [String: Any] = [:]
            let filled = try await Poll.until(timeoutSeconds: 18, intervalSeconds: 0.5) {
                guard let first = try await Self.sessions(api).first, let report = first["rtcp"] as? [String: Any] else {
                    return false
                }
                (session, rtcp) = (first, report)
                return true
            }
            #expect(filled, "no receiver report reached the session within 18 s over \(transport)")
            guard filled else { return }
            #expect(session["transport"] as? String == transport)
            #expect(session["camera"] as? String == "cam")
            #expect(session["stream"] as? String == "main")
            #expect((session["client"] as? String)?.hasPrefix("127.0.0.1:") == true)
            #expect((session["packets_sent"] as? Int ?? 0) > 0)
            let fraction = try #require(rtcp["fraction_lost"] as? Double)
            #expect((0...1).contains(fraction))
            #expect(rtcp["cumulative_lost"] as? Int != nil)
            let jitter = try #require(rtcp["jitter_ms"] as? Double)
            #expect(jitter >= 0 && jitter < 1_000, "jitter \(jitter) ms on loopback")
            #expect((rtcp["reports"] as? Int ?? 0) >= 1)
            #expect((rtcp["received"] as? String)?.hasSuffix("Z") == true)
            // The viewer echoes our last sender report, so the round trip is known; on loopback it is short.
            let rtt = try #require(rtcp["rtt_ms"] as? Double, "the viewer echoes LSR/DLSR: \(rtcp)")
            #expect(rtt >= 0 && rtt < 500, "round trip \(rtt) ms on loopback")
            // The same reports feed the camera's RTCP histograms.
            let metrics = try await api.client().get("/metrics").text
            #expect(metrics.contains(#"camsim_rtcp_fraction_lost_count{camera="cam",stream="main"} "#), "\(metrics.prefix(3000))")
            #expect(metrics.contains(#"camsim_rtcp_jitter_seconds_count{camera="cam",stream="main"} "#))
        }
    }

    /// A viewer through the RTSP-over-HTTP tunnel is listed as `http`, with its counts.
    @Test func aTunnelledViewerIsListedAsHTTP() async throws {
        try await TestControlServer.with { api in
            let viewer = Self.pull(api.server.url(forPath: "cam"), transport: "http", seconds: 20)
            defer { viewer.cancel() }
            var listed: [[String: Any]] = []
            #expect(try await Poll.until(timeoutSeconds: 15, intervalSeconds: 0.25) {
                listed = try await Self.sessions(api)
                return (listed.first?["packets_sent"] as? Int ?? 0) > 0
            }, "a playing session: \(listed)")
            #expect(listed.count == 1)
            #expect(listed.first?["transport"] as? String == "http")
            #expect((listed.first?["bytes_sent"] as? Int ?? 0) > (listed.first?["packets_sent"] as? Int ?? 0) * 12)
            let kick = try await api.client().delete("/api/v1/sessions/\(listed.first?["id"] as? String ?? "")")
            #expect(kick.status == 204, "\(kick)")
            let ended = try await viewer.value
            #expect(ended.elapsedSeconds < 18, "the tunnelled ffmpeg stops when its session is kicked: \(ended)")
        }
    }

    @Test func kickingASessionEndsThatViewerOnly() async throws {
        try await TestControlServer.with { api in
            let url = api.server.url(forPath: "cam")
            let kept = Self.pull(url, transport: "udp", seconds: 25)
            let kicked = Self.pull(url, transport: "tcp", seconds: 25)
            defer {
                kept.cancel()
                kicked.cancel()
            }
            var listed: [[String: Any]] = []
            #expect(try await Poll.until(timeoutSeconds: 15, intervalSeconds: 0.25) {
                listed = try await Self.sessions(api)
                return listed.count == 2 && listed.allSatisfy { ($0["packets_sent"] as? Int ?? 0) > 0 }
            }, "two playing sessions: \(listed)")
            let tcp = try #require(listed.first { $0["transport"] as? String == "tcp" }?["id"] as? String)
            let udp = try #require(listed.first { $0["transport"] as? String == "udp" }?["id"] as? String)

            let kick = try await api.client().delete("/api/v1/sessions/\(tcp)")
            #expect(kick.status == 204, "\(kick)")
            // The kicked ffmpeg sees its connection close and stops long before its 25 s.
            let ended = try await kicked.value
            #expect(ended.elapsedSeconds < 20, "\(ended)")
            let again = try await api.client().delete("/api/v1/sessions/\(tcp)")
            #expect(again.status == 404, "\(again)")

            // The other viewer of the same camera carries on receiving.
            let remaining = try await Self.sessions(api)
            #expect(remaining.map { $0["id"] as? String } == [udp])
            let before = remaining.first?["packets_sent"] as? Int ?? 0
            #expect(try await Poll.until(timeoutSeconds: 5) {
                (try await Self.sessions(api).first?["packets_sent"] as? Int ?? 0) > before + 20
            }, "the UDP viewer kept receiving")
        }
    }

    /// A connection holding two sessions: kicking one sends its BYE on that session's RTCP
    /// channel and keeps the connection, and the other session, going.
    @Test func kickingOneOfAConnectionsSessionsKeepsTheConnection() async throws {
        try await TestControlServer.with(config: TestControlServer.config(cameras: ["cam", "door"])) { api in
            let client = try RawRTSPClient(port: api.server.port)
            _ = try client.describeSetupPlay(api.server.url(forPath: "cam"), transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
            _ = try client.describeSetupPlay(api.server.url(forPath: "door"), transport: "RTP/AVP/TCP;unicast;interleaved=2-3")
            let listed = try await Self.sessions(api)
            #expect(listed.count == 2)
            let cam = try #require(listed.first { $0["camera"] as? String == "cam" }?["id"] as? String)

            let kick = try await api.client().delete("/api/v1/sessions/\(cam)")
            #expect(kick.status == 204, "\(kick)")
            var sawBye = false
            for _ in 0..<2_000 where !sawBye {
                let frame = try client.readFrame()
                guard frame.channel == 1, let packets = try? RTCPCompound.parse(frame.payload) else { continue }
                sawBye = packets.contains { if case .bye = $0 { true } else { false } }
            }
            #expect(sawBye, "an RTCP BYE on the kicked session's RTCP channel")
            // The connection stays open and the other session's packets keep coming.
            var doorPackets = 0
            while doorPackets < 30 {
                let frame = try client.readFrame()
                #expect(frame.channel != 0, "no RTP for the kicked session after its BYE")
                if frame.channel == 2 { doorPackets += 1 }
            }
            #expect(try await Self.sessions(api).compactMap { $0["camera"] as? String } == ["door"])
        }
    }

    @Test func aViewersOwnFaultsAreSetOverTheAPI() async throws {
        try await TestControlServer.with { api in
            let viewer = Self.pull(api.server.url(forPath: "cam"), transport: "tcp", seconds: 20)
            defer { viewer.cancel() }
            var id = ""
            #expect(try await Poll.until(timeoutSeconds: 15, intervalSeconds: 0.25) {
                id = try await Self.sessions(api).first?["id"] as? String ?? ""
                return !id.isEmpty
            })
            let client = api.client()
            let bad = try await client.put("/api/v1/sessions/\(id)/faults", json: #"{"los": "5%"}"#)
            #expect(bad.status == 422, "\(bad)")
            #expect((bad.json["problems"] as? [[String: Any]])?.first?["field"] as? String == "los")
            let encoder = try await client.put("/api/v1/sessions/\(id)/faults", json: #"{"gop": 10}"#)
            #expect(encoder.status == 422, "\(encoder)")
            let missing = try await client.put("/api/v1/sessions/nosuchsession/faults", json: "{}")
            #expect(missing.status == 404, "\(missing)")

            let set = try await client.put("/api/v1/sessions/\(id)/faults", json: #"{"loss": "50%"}"#)
            #expect(set.status == 200, "\(set)")
            #expect(set.json["loss"] as? String == "50%", "the faults in force: \(set)")
            #expect(try await Poll.until(timeoutSeconds: 5) {
                let faults = try await Self.sessions(api).first?["faults"] as? [String: Int] ?? [:]
                return faults["random_loss", default: 0] > 10
            }, "the viewer's packets are being dropped")
        }
    }
}
