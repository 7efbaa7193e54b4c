import Foundation
import Testing

extension Integration {
    /// Headers that are wrong, repeated or ask for what camsim does not do get the 4xx
    /// or 5xx RFC 2326 names, over a real socket, and never 200.
    @Suite
    struct RequestHeaderStatusTests {
        static let tcp = "RTP/AVP/TCP;unicast;interleaved=0-1"

        /// A fresh SETUP over TCP on `client`; returns the session id.
        static func setUp(_ client: RawRTSPClient, _ url: String) throws -> String {
            let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", tcp)])
            try #require(setup.status == 200, "\(setup)")
            return RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
        }

        static let ranges: [(range: String, status: Int)] = [
            ("garbage", 400), ("npt=-5-", 400), ("npt=nan-inf", 400), ("clock=garbage", 400),
            ("smpte=99:99:99-", 400), ("npt=10-5", 457),
        ]

        @Test(arguments: ranges.map(\.range))
        func playWithABadRange(range: String) async throws {
            let expected = Self.ranges.first { $0.range == range }!.status
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let session = try Self.setUp(client, url)
                let play = try client.request("PLAY", url + "/", headers: [("Session", session), ("Range", range)])
                #expect(play.status == expected, "Range: \(range) -> \(play)")
                // The session is still ready: a PLAY with a good range starts it.
                let good = try client.request("PLAY", url + "/", headers: [("Session", session), ("Range", "npt=0-")])
                #expect(good.status == 200, "\(good)")
            }
        }

        @Test
        func repeatedCSeqOrSessionIs400() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                try client.send("OPTIONS \(url) RTSP/1.0\r\nCSeq: 1\r\nCSeq: 2\r\n\r\n")
                let twoCSeqs = try client.readResponse()
                #expect(twoCSeqs.status == 400, "\(twoCSeqs)")
                let session = try Self.setUp(client, url)
                try client.send("PLAY \(url)/ RTSP/1.0\r\nCSeq: 9\r\nSession: \(session)\r\nSession: 0123456789ABCDEF\r\n\r\n")
                let twoSessions = try client.readResponse()
                #expect(twoSessions.status == 400, "\(twoSessions)")
                #expect(twoSessions.header("CSeq") == "9")
                // The same session named twice is one session.
                try client.send("GET_PARAMETER \(url)/ RTSP/1.0\r\nCSeq: 10\r\nSession: \(session)\r\nSession: \(session);timeout=60\r\n\r\n")
                let same = try client.readResponse()
                #expect(same.status == 200, "\(same)")
            }
        }

        @Test(arguments: ["interleaved=0-0", "interleaved=0-2", "interleaved=3-2"])
        func channelPairsThatAreNotNAndNPlusOne(channels: String) async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let client = try RawRTSPClient(port: server.port)
                let reply = try client.request(
                    "SETUP", server.url(forPath: "cam") + "/trackID=0", headers: [("Transport", "RTP/AVP/TCP;unicast;\(channels)")])
                #expect(reply.status == 400, "\(channels): \(reply)")
                #expect(server.sessionCount == 0)
            }
        }

        @Test
        func anUnknownRequireTagIs551WithUnsupported() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let options = try client.request("OPTIONS", url, headers: [("Require", "com.example.funky, play.basic")])
                #expect(options.status == 551, "\(options)")
                #expect(options.header("Unsupported") == "com.example.funky, play.basic", "\(options)")
                let setup = try client.request(
                    "SETUP", url + "/trackID=0", headers: [("Transport", Self.tcp), ("Proxy-Require", "gzipped-messages")])
                #expect(setup.status == 551, "\(setup)")
                #expect(setup.header("Unsupported") == "gzipped-messages", "\(setup)")
                #expect(server.sessionCount == 0)
            }
        }

        static let unsupportedTransports = [
            "RTP/SAVP;unicast;client_port=50000-50001", "RTP/AVPF;unicast;client_port=50000-50001",
            "RTP/AVP/SCTP;unicast;client_port=50000-50001", "RAW/RAW/UDP;unicast;client_port=50000-50001",
            "garbage", "RTP/SAVP/TCP;unicast;interleaved=0-1",
        ]

        @Test(arguments: unsupportedTransports)
        func transportsCamsimDoesNotServeAre461(transport: String) async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let client = try RawRTSPClient(port: server.port)
                let reply = try client.request(
                    "SETUP", server.url(forPath: "cam") + "/trackID=0", headers: [("Transport", transport)])
                #expect(reply.status == 461, "Transport: \(transport) -> \(reply)")
                #expect(server.sessionCount == 0)
            }
        }

        @Test(arguments: ["RTP/AVP;unicast;client_port=abc", "RTP/AVP;unicast;client_port=", ";;;"])
        func aTransportThatDoesNotParseIs400(transport: String) async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let client = try RawRTSPClient(port: server.port)
                let reply = try client.request(
                    "SETUP", server.url(forPath: "cam") + "/trackID=0", headers: [("Transport", transport)])
                #expect(reply.status == 400, "Transport: \(transport) -> \(reply)")
            }
        }

        @Test
        func aRequestWithBareCRLineEndingsIsAnswered() async throws {
            try await TestServer.with(cameras: [try TestServer.camera("cam")]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port, timeoutSeconds: 5)
                try client.send("OPTIONS \(url) RTSP/1.0\rCSeq: 4\rUser-Agent: cr-only\r\r")
                let options = try client.readResponse()
                #expect(options.status == 200, "\(options)")
                #expect(options.header("CSeq") == "4")
                // And the connection carries on, with CRLF or CR.
                try client.send("DESCRIBE \(url) RTSP/1.0\rCSeq: 5\rAccept: application/sdp\r\r")
                let describe = try client.readResponse()
                #expect(describe.status == 200, "\(describe)")
                #expect(describe.header("CSeq") == "5")
                #expect(describe.bodyText.contains("m=video"))
            }
        }
    }
}
