import Foundation
import Server
import Testing

extension Integration {
    /// Each control-plane fault of a camera, seen from a raw RTSP client: status
    /// overrides, response delay, refused transports, viewer limits, sessions and
    /// connections ended early, RTCP withheld, a camera that is offline.
    @Suite
    struct FaultControlPlaneTests {
        static func yaml(_ cameras: [(path: String, faults: String?)], sessionTimeout: Int = 60) -> String {
            FaultRig.serverBlock(sessionTimeout: sessionTimeout) + "cameras:\n"
                + cameras.map { FaultRig.camera($0.path, faults: $0.faults) }.joined()
        }

        static let tcp = "RTP/AVP/TCP;unicast;interleaved=0-1"

        static func udp(_ taps: (rtp: FaultPacketTap, rtcp: FaultPacketTap)) -> String {
            "RTP/AVP;unicast;client_port=\(taps.rtp.port)-\(taps.rtcp.port)"
        }

        @Test
        func respondOverridesStatuses() async throws {
            let yaml = Self.yaml([("grumpy", "{respond: {SETUP: 503, GET_PARAMETER: 454}}")])
            try await FaultRig.with(yaml) { server in
                let url = server.url(forPath: "grumpy")
                let client = try RawRTSPClient(port: server.port)
                let describe = try client.request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
                #expect(describe.status == 200, "DESCRIBE is not overridden: \(describe)")
                let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", Self.tcp)])
                #expect(setup.status == 503, "SETUP: \(setup)")
                #expect(setup.header("CSeq") == "2", "\(setup)")
                let keepAlive = try client.request("GET_PARAMETER", url + "/")
                #expect(keepAlive.status == 454, "GET_PARAMETER keep-alive: \(keepAlive)")
                let options = try client.request("OPTIONS", url)
                #expect(options.status == 200, "OPTIONS is not overridden: \(options)")
                #expect(server.sessionCount == 0)
            }
        }

        @Test
        func respondInTheURLOverridesThatViewersStatus() async throws {
            try await FaultRig.with(Self.yaml([("cam", nil)])) { server in
                let client = try RawRTSPClient(port: server.port)
                let setup = try client.request(
                    "SETUP", FaultRig.trackURL(server, "cam", query: "respond=SETUP:503"), headers: [("Transport", Self.tcp)])
                #expect(setup.status == 503, "SETUP with ?respond=SETUP:503 (a documented URL parameter): \(setup)")
            }
        }

        @Test
        func responseDelayHoldsEveryAnswer() async throws {
            try await FaultRig.with(Self.yaml([("slow", "{response_delay: 400ms}"), ("cam", nil)])) { server in
                let client = try RawRTSPClient(port: server.port)
                var started = Date()
                let describe = try client.request("DESCRIBE", server.url(forPath: "slow"), headers: [("Accept", "application/sdp")])
                let slow = Date().timeIntervalSince(started)
                started = Date()
                let other = try client.request("DESCRIBE", server.url(forPath: "cam"), headers: [("Accept", "application/sdp")])
                let fast = Date().timeIntervalSince(started)
                print(String(format: "DESCRIBE with response_delay 400ms: %.3f s; without: %.3f s", slow, fast))
                #expect(describe.status == 200 && other.status == 200, "\(describe)\n\(other)")
                #expect(slow >= 0.4 && slow < 3, "DESCRIBE answered after \(slow) s")
            }
        }

        @Test
        func deniedTransportsGet461() async throws {
            let yaml = Self.yaml([("noudp", "{deny_transport: [udp]}"), ("notcp", "{deny_transport: [tcp]}")])
            try await FaultRig.with(yaml) { server in
                let taps = try FaultPacketTap.pair()
                defer { taps.rtp.stop(); taps.rtcp.stop() }
                let client = try RawRTSPClient(port: server.port)
                let noUDPoverUDP = try client.request(
                    "SETUP", server.url(forPath: "noudp") + "/trackID=0", headers: [("Transport", Self.udp(taps))])
                #expect(noUDPoverUDP.status == 461, "UDP SETUP on a camera denying UDP: \(noUDPoverUDP)")
                let noUDPoverTCP = try client.request(
                    "SETUP", server.url(forPath: "noudp") + "/trackID=0", headers: [("Transport", Self.tcp)])
                #expect(noUDPoverTCP.status == 200, "TCP SETUP on a camera denying UDP: \(noUDPoverTCP)")

                let other = try RawRTSPClient(port: server.port)
                let noTCPoverTCP = try other.request(
                    "SETUP", server.url(forPath: "notcp") + "/trackID=0", headers: [("Transport", Self.tcp)])
                #expect(noTCPoverTCP.status == 461, "TCP SETUP on a camera denying TCP: \(noTCPoverTCP)")
                let noTCPoverUDP = try other.request(
                    "SETUP", server.url(forPath: "notcp") + "/trackID=0", headers: [("Transport", Self.udp(taps))])
                #expect(noTCPoverUDP.status == 200, "UDP SETUP on a camera denying TCP: \(noTCPoverUDP)")
                // Offered both, the camera takes the one it allows.
                let third = try RawRTSPClient(port: server.port)
                let both = try third.request(
                    "SETUP", server.url(forPath: "noudp") + "/trackID=0",
                    headers: [("Transport", Self.udp(taps) + "," + Self.tcp)])
                #expect(both.status == 200 && both.header("Transport")?.contains("RTP/AVP/TCP") == true, "\(both)")
            }
        }

        @Test(arguments: [(nil, 453), (503, 503)] as [(Int?, Int)])
        func maxViewersRefusesTheNextOne(configured: Int?, expected: Int) async throws {
            let faults = "{max_viewers: 1" + (configured.map { ", max_viewers_status: \($0)" } ?? "") + "}"
            try await FaultRig.with(Self.yaml([("one", faults)])) { server in
                let url = server.url(forPath: "one") + "/trackID=0"
                let first = try RawRTSPClient(port: server.port)
                let admitted = try first.request("SETUP", url, headers: [("Transport", Self.tcp)])
                #expect(admitted.status == 200, "the first viewer: \(admitted)")
                let second = try RawRTSPClient(port: server.port)
                let refused = try second.request("SETUP", url, headers: [("Transport", Self.tcp)])
                #expect(refused.status == expected, "the second viewer with \(faults): \(refused)")
                #expect(server.sessionCount == 1)
                // Once the first leaves there is room again.
                if let session = admitted.header("Session").map(RTSPHeaderValues.sessionID) {
                    _ = try first.request("TEARDOWN", server.url(forPath: "one") + "/", headers: [("Session", session)])
                }
                let again = try second.request("SETUP", url, headers: [("Transport", Self.tcp)])
                #expect(again.status == 200, "after the first viewer's TEARDOWN: \(again)")
            }
        }

        @Test
        func closeSessionAfterEndsTheSessionBeforeItsTimeout() async throws {
            try await FaultRig.with(Self.yaml([("brief", "{close_session_after: 2s}")], sessionTimeout: 60)) { server in
                let viewer = try FaultUDPViewer(port: server.port, url: server.url(forPath: "brief"))
                let started = Date()
                try viewer.start()
                #expect(server.sessionCount == 1)
                let gone = await Poll.until(timeoutSeconds: 8) { server.sessionCount == 0 }
                let seconds = Date().timeIntervalSince(started)
                print(String(format: "close_session_after 2s: session gone after %.2f s", seconds))
                #expect(gone, "session still there 8 s after SETUP")
                #expect(seconds >= 1.5, "session ended after only \(seconds) s")
                let play = try viewer.client.request("PLAY", viewer.url + "/", headers: [("Session", viewer.session ?? "")])
                #expect(play.status == 454, "PLAY on the closed session: \(play)")
            }
        }

        @Test
        func noRTCPSendsRTPButNoSenderReports() async throws {
            try await FaultRig.with(Self.yaml([("quiet", "{no_rtcp: true}")])) { server in
                let viewer = try FaultUDPViewer(port: server.port, url: server.url(forPath: "quiet"))
                try viewer.start()
                let flowing = await viewer.waitForPackets(10, timeoutSeconds: 10)
                #expect(flowing, "no RTP from a camera with no_rtcp")
                // The first SR is normally due 200 ms after PLAY and every 5 s after: watch 7 s.
                let reported = await Poll.until(timeoutSeconds: 7) {
                    viewer.rtcp.snapshot.contains { RTCPPacketView.split($0.bytes)?.contains { $0.packetType == 200 } == true }
                }
                #expect(!reported, "an RTCP SR arrived despite no_rtcp")
                #expect(viewer.rtp.count > 50, "RTP stopped: \(viewer.rtp.count) packets")
            }
        }

        @Test
        func resetConnectionAfterResetsTheConnection() async throws {
            try await FaultRig.with(Self.yaml([("flaky", "{reset_connection_after: 2s}")])) { server in
                let started = Date()
                let socket = try ViewerSocket(port: server.port)
                try socket.send("OPTIONS \(server.url(forPath: "flaky")) RTSP/1.0\r\nCSeq: 1\r\n\r\n")
                let end = FaultConnectionEnd.observe(socket, timeoutSeconds: 8, since: started)
                print("reset_connection_after 2s: \(end.kind) after \(String(format: "%.2f", end.seconds)) s")
                #expect(String(decoding: end.bytesBefore, as: UTF8.self).hasPrefix("RTSP/1.0 200"), "\(end)")
                #expect(end.kind == .reset, "\(end)")
                #expect(end.seconds >= 1.8 && end.seconds < 4, "\(end)")
            }
        }

        @Test
        func offlineCameraDropsTheConnectionWithoutAnswer() async throws {
            try await FaultRig.with(Self.yaml([("gone", "{offline: true}"), ("cam", nil)])) { server in
                let socket = try ViewerSocket(port: server.port)
                try socket.send("DESCRIBE \(server.url(forPath: "gone")) RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n")
                let end = FaultConnectionEnd.observe(socket, timeoutSeconds: 5)
                #expect(end.bytesBefore.isEmpty, "an offline camera answered: \(end)")
                #expect(end.kind == .reset || end.kind == .closed, "\(end)")
                // Other cameras on the server still answer.
                let client = try RawRTSPClient(port: server.port)
                let describe = try client.request("DESCRIBE", server.url(forPath: "cam"), headers: [("Accept", "application/sdp")])
                #expect(describe.status == 200, "\(describe)")
            }
        }
    }
}
