import Foundation
import Testing

extension Integration {
    /// A session belongs to the connection (or tunnel) that set it up: on any other
    /// connection its id answers 454 for every method, and the owner's session and
    /// media carry on untouched.
    @Suite
    struct SessionOwnerTests {
        static let tcp = "RTP/AVP/TCP;unicast;interleaved=0-1"

        @Test
        func anotherConnectionGets454AndLeavesTheOwnersSessionAlone() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let owner = try RawRTSPClient(port: server.port)
                let played = try owner.describeSetupPlay(url, transport: Self.tcp)
                _ = try owner.readFrame()
                let id = played.sessionID

                let intruder = try RawRTSPClient(port: server.port)
                let attempts: [(method: String, url: String, headers: [(String, String)], body: String)] = [
                    ("SETUP", url + "/trackID=0", [("Session", id), ("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")], ""),
                    ("PLAY", url + "/", [("Session", id)], ""),
                    ("PAUSE", url + "/", [("Session", id)], ""),
                    ("GET_PARAMETER", url + "/", [("Session", id)], ""),
                    ("SET_PARAMETER", url + "/", [("Session", id), ("Content-Type", "text/parameters")], "loss: 100\r\n"),
                    ("TEARDOWN", url + "/", [("Session", id)], ""),
                ]
                for attempt in attempts {
                    let reply = try intruder.request(attempt.method, attempt.url, headers: attempt.headers, body: attempt.body)
                    #expect(reply.status == 454, "\(attempt.method) from another connection: \(reply)")
                    #expect(reply.header("Session") == nil, "\(attempt.method): \(reply)")
                }

                #expect(server.sessionCount == 1, "the owner's session must survive")
                _ = owner.drainFrames()
                var rtpFrames = 0
                while rtpFrames < 10 {
                    if try owner.readFrame(timeoutSeconds: 5).channel == 0 { rtpFrames += 1 }
                }
                let keepAlive = try owner.request("GET_PARAMETER", url + "/", headers: [("Session", id)])
                #expect(keepAlive.status == 200, "\(keepAlive)")
                let teardown = try owner.request("TEARDOWN", url + "/", headers: [("Session", id)])
                #expect(teardown.status == 200, "\(teardown)")
            }
        }

        @Test
        func aTunnelsSessionIsNotUsableFromAPlainConnection() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let output = try ViewerSocket(port: server.port)
                try output.send("GET /cam HTTP/1.0\r\nx-sessioncookie: owner7\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n")
                let opened = try #require(HTTPTunnelTests.read(output, until: "\r\n\r\n"))
                #expect(opened.hasPrefix("HTTP/1.0 200 OK"), "\(opened)")
                let input = try ViewerSocket(port: server.port)
                let setup = "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: \(Self.tcp)\r\n\r\n"
                try input.send(
                    "POST /cam HTTP/1.0\r\nx-sessioncookie: owner7\r\nContent-Length: 32767\r\n\r\n"
                        + Data(setup.utf8).base64EncodedString())
                let answer = try #require(HTTPTunnelTests.read(output, until: "CSeq: 1"), "no SETUP answer through the tunnel")
                #expect(answer.contains("RTSP/1.0 200 OK"), "\(answer)")
                let sessionLine = try #require(answer.components(separatedBy: "\r\n").first { $0.hasPrefix("Session:") })
                let id = RTSPHeaderValues.sessionID(String(sessionLine.dropFirst("Session:".count)).trimmingCharacters(in: .whitespaces))

                let intruder = try RawRTSPClient(port: server.port)
                let teardown = try intruder.request("TEARDOWN", url + "/", headers: [("Session", id)])
                #expect(teardown.status == 454, "\(teardown)")
                #expect(server.sessionCount == 1)

                // The tunnel itself still owns it.
                let keepAlive = "GET_PARAMETER \(url)/ RTSP/1.0\r\nCSeq: 2\r\nSession: \(id)\r\n\r\n"
                try input.send(Data(keepAlive.utf8).base64EncodedString())
                let kept = try #require(HTTPTunnelTests.read(output, until: "CSeq: 2"), "no keep-alive answer")
                #expect(kept.hasPrefix("RTSP/1.0 200 OK\r\n") && kept.contains("Session: \(id);timeout=60"), "\(kept)")
            }
        }
    }
}
