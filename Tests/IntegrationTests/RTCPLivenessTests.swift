import Foundation
import RTP
import Testing

extension Integration {
    /// RTCP keeps a session alive only when it is the viewer's own: a session whose
    /// `client_port` is the server's own RTP/RTCP pair receives the server's sender
    /// reports back, and must still expire (RFC 3550 §8.2 loop detection).
    @Suite
    struct RTCPLivenessTests {
        static let timeout = 2

        /// A receiver report from a viewer's SSRC, as VLC or ffmpeg send them.
        static func receiverReport(ssrc: UInt32 = 0x5EED_0001) -> [UInt8] {
            RTCPCompound.serialize([
                .receiverReport(RTCPReceiverReport(ssrc: ssrc)),
                .sourceDescription(RTCPSourceDescription(ssrc: ssrc, cname: "viewer@127.0.0.1")),
            ])
        }

        /// Longer than the 5 s between sender reports, so that looped reports would keep
        /// the session alive if they counted.
        static let loopTimeout = 6

        @Test
        func sessionLoopedOntoTheServersOwnPortsExpires() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], sessionTimeoutSeconds: Self.loopTimeout) { server in
                let url = server.url(forPath: "cam")
                // Learn the server's pair from a first SETUP.
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let probe = try RawRTSPClient(port: server.port)
                let first = try probe.request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")])
                try #require(first.status == 200, "\(first)")
                let serverPort = try #require(first.header("Transport").flatMap(Self.serverPort), "\(first)")
                let teardown = try probe.request("TEARDOWN", url + "/", headers: [("Session", RTSPHeaderValues.sessionID(first.header("Session") ?? ""))])
                #expect(teardown.status == 200, "\(teardown)")
                #expect(await Poll.until(timeoutSeconds: 5) { server.sessionCount == 0 })

                let client = try RawRTSPClient(port: server.port)
                let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;unicast;client_port=\(serverPort)-\(serverPort + 1)")])
                guard setup.status == 200 else {
                    // Refusing the server's own ports outright also breaks the loop.
                    #expect((400..<500).contains(setup.status), "\(setup)")
                    return
                }
                let session = RTSPHeaderValues.sessionID(setup.header("Session") ?? "")
                let play = try client.request("PLAY", url + "/", headers: [("Session", session)])
                #expect(play.status == 200, "\(play)")
                // The server's sender reports (every 5 s) now arrive on its own RTCP port.
                let expired = await Poll.until(timeoutSeconds: 20) { server.sessionCount == 0 }
                #expect(expired, "a session fed by its own sender reports was still alive 20 s after a \(Self.loopTimeout) s timeout")
            }
        }

        @Test
        func receiverReportsFromTheViewerKeepAUDPSessionAlive() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], sessionTimeoutSeconds: Self.timeout) { server in
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let client = try RawRTSPClient(port: server.port)
                let session = try client.describeSetupPlay(server.url(forPath: "cam"), transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                let serverPort = try #require(session.setup.header("Transport").flatMap(Self.serverPort), "\(session.setup)")
                let start = Date()
                while Date().timeIntervalSince(start) < Double(Self.timeout) * 2.5 {
                    rtcp.send(Self.receiverReport(), toPort: serverPort + 1)
                    _ = rtp.receive(timeoutSeconds: 0.5)
                    #expect(server.sessionCount == 1, "session expired after \(Date().timeIntervalSince(start)) s of receiver reports")
                }
                // Reports under the stream's own SSRC are our own packets come back: they do not count.
                let ssrc = try #require(session.setup.header("Transport").flatMap(Self.ssrc), "\(session.setup)")
                let expired = await Poll.until(timeoutSeconds: 15) {
                    rtcp.send(Self.receiverReport(ssrc: ssrc), toPort: serverPort + 1)
                    return server.sessionCount == 0
                }
                #expect(expired, "reports under the server's own SSRC kept the session alive")
            }
        }

        @Test
        func interleavedReportsUnderTheStreamsSSRCDoNotCount() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], sessionTimeoutSeconds: Self.timeout) { server in
                let client = try RawRTSPClient(port: server.port)
                let session = try client.describeSetupPlay(server.url(forPath: "cam"), transport: "RTP/AVP/TCP;unicast;interleaved=0-1")
                let ssrc = try #require(session.setup.header("Transport").flatMap(Self.ssrc), "\(session.setup)")
                let report = Self.receiverReport(ssrc: ssrc)
                let expired = await Poll.until(timeoutSeconds: 15) {
                    try? client.send(bytes: [0x24, 1, UInt8(report.count >> 8), UInt8(report.count & 0xFF)] + report)
                    _ = client.drainFrames()
                    return server.sessionCount == 0
                }
                #expect(expired, "interleaved reports under the server's own SSRC kept the session alive")
            }
        }

        /// The RTP port of `server_port=a-b` in a Transport header.
        static func serverPort(_ transport: String) -> Int? {
            RTSPHeaderValues.transportParameter(transport, "server_port").flatMap { Int($0.split(separator: "-").first ?? "") }
        }

        static func ssrc(_ transport: String) -> UInt32? {
            RTSPHeaderValues.transportParameter(transport, "ssrc").flatMap { UInt32($0, radix: 16) }
        }
    }
}
