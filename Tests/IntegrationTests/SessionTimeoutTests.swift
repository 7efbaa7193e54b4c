import Foundation
import Testing

extension Integration {
    /// Sessions expire after `timeout` seconds without traffic, and GET_PARAMETER keeps
    /// them alive (RFC 2326 §12.37).
    @Suite
    struct SessionTimeoutTests {
        static let timeout = 2

        @Test
        func silentSessionExpiresAndStopsTheEncoder() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], sessionTimeoutSeconds: Self.timeout) { server in
                let stream = try #require(server.stream(atPath: "cam"))
                let url = server.url(forPath: "cam")
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let client = try RawRTSPClient(port: server.port)
                let session = try client.describeSetupPlay(url, transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")
                #expect(session.setup.header("Session")?.hasSuffix(";timeout=\(Self.timeout)") == true, "\(session.setup)")
                #expect(rtp.receive(timeoutSeconds: 10) != nil, "no RTP before expiry")
                #expect(server.sessionCount == 1)
                #expect(stream.counters.snapshot.activeViewers == 1)

                // The RTSP connection stays open but silent; the client sends no RTCP.
                let expired = await Poll.until(timeoutSeconds: 10) { server.sessionCount == 0 }
                #expect(expired, "session still alive 10 s after a \(Self.timeout) s timeout")
                let stopped = await Poll.until(timeoutSeconds: 5) { stream.counters.snapshot.activeViewers == 0 }
                #expect(stopped, "viewer still active after the session expired: \(stream.counters.snapshot)")
                let closed = await Poll.until(timeoutSeconds: 5) {
                    (try? await stream.isEncoderOpen().get()) == false
                }
                #expect(closed, "encoder still open after the only session expired")

                let play = try client.request("PLAY", url + "/", headers: [("Session", session.sessionID)])
                #expect(play.status == 454, "an expired session must be gone: \(play)")
            }
        }

        @Test
        func getParameterKeepsTheSessionAlive() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")], sessionTimeoutSeconds: Self.timeout) { server in
                let stream = try #require(server.stream(atPath: "cam"))
                let url = server.url(forPath: "cam")
                let (rtp, rtcp) = try UDPReceiver.bindPair()
                let client = try RawRTSPClient(port: server.port)
                let session = try client.describeSetupPlay(url, transport: "RTP/AVP;unicast;client_port=\(rtp.port)-\(rtcp.port)")

                let start = Date()
                while Date().timeIntervalSince(start) < 5 {
                    try await Task.sleep(nanoseconds: 1_000_000_000)
                    let keepAlive = try client.request("GET_PARAMETER", url + "/", headers: [("Session", session.sessionID)])
                    #expect(keepAlive.status == 200, "\(keepAlive)")
                    #expect(server.sessionCount == 1, "session expired despite keep-alives after \(Date().timeIntervalSince(start)) s")
                }
                #expect(stream.counters.snapshot.activeViewers == 1)
                // Packets kept flowing all along.
                while rtp.receive(timeoutSeconds: 0) != nil {}
                #expect(rtp.receive(timeoutSeconds: 5) != nil, "no RTP after 5 s of keep-alives")

                let teardown = try client.request("TEARDOWN", url + "/", headers: [("Session", session.sessionID)])
                #expect(teardown.status == 200, "\(teardown)")
            }
        }
    }
}
