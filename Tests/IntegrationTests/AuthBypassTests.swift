import Foundation
import RTSPAuth
import Testing

extension Integration {
    /// Variant paths, borrowed sessions and half tunnels do not get past authentication.
    @Suite
    struct AuthBypassTests {
        static let users = [
            AuthUser(name: "lobby", password: "lobby-pass", cameras: ["lobby/*"]),
            AuthUser(name: "second", password: "second-pass"),
        ]

        @Test
        func variantPathsWithoutCredentialsAreChallenged() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("bars")], extraUsers: Self.users) { server in
                let base = "rtsp://127.0.0.1:\(server.port)"
                let client = try RawRTSPClient(port: server.port)
                let variants: [(String, String, [(String, String)])] = [
                    ("DESCRIBE", base + "/bars", []),
                    ("DESCRIBE", base + "/BARS", []),
                    ("DESCRIBE", base + "//bars", []),
                    ("DESCRIBE", base + "/%62ars", []),
                    ("DESCRIBE", base + "/./bars", []),
                    ("DESCRIBE", base + "/x/../bars", []),
                    ("SETUP", base + "/bars/trackID=0", [AuthRig.transportTCP]),
                    ("DESCRIBE", base + "/bars?loss=1", []),
                    ("DESCRIBE", "rtsp://camera.example/bars", []),
                    ("DESCRIBE", "/bars", []),
                    ("PLAY", base + "/bars", [("Session", "12345678")]),
                    ("GET_PARAMETER", base + "/bars", []),
                    ("TEARDOWN", "*", []),
                ]
                for (method, url, headers) in variants {
                    let reply = try client.request(method, url, headers: headers)
                    #expect(reply.status == 401, "\(method) \(url): \(reply.status)")
                    #expect(!AuthRig.challenges(reply).isEmpty, "\(method) \(url)")
                }
            }
        }

        @Test
        func credentialsForOneResourceDoNotOpenAnother() async throws {
            let cameras = try [AuthRig.camera("bars"), AuthRig.camera("lobby/cam")]
            try await AuthRig.with(cameras: cameras, extraUsers: Self.users) { server in
                let base = "rtsp://127.0.0.1:\(server.port)"
                let client = try RawRTSPClient(port: server.port)
                let nonce = try AuthRig.nonce(client, url: base + "/bars")
                var nc = 0
                func describe(_ url: String, uri: String, user: String = AuthRig.user, password: String = AuthRig.password) throws -> Int {
                    nc += 1
                    return try client.request("DESCRIBE", url, headers: [(
                        "Authorization",
                        AuthRig.digest(method: "DESCRIBE", uri: uri, nonce: nonce, nc: nc, user: user, password: password)
                    )]).status
                }
                // A uri naming another host, or another camera, than the request line.
                #expect(try describe(base + "/bars", uri: "rtsp://camera.example/bars") == 401)
                #expect(try describe(base + "/bars", uri: base + "/lobby/cam") == 401)
                #expect(try describe(base + "/bars", uri: base + "/bars/../lobby/cam") == 401)
                // The lobby user's good credentials reach the lobby camera only.
                #expect(try describe(base + "/lobby/cam", uri: base + "/lobby/cam", user: "lobby", password: "lobby-pass") == 200)
                #expect(try describe(base + "/bars", uri: base + "/bars", user: "lobby", password: "lobby-pass") == 403)
                #expect(try describe(base + "/%62ars", uri: base + "/%62ars", user: "lobby", password: "lobby-pass") == 403)
                #expect(try describe(base + "/bars", uri: base + "/lobby/cam", user: "lobby", password: "lobby-pass") == 401)
                // Normalised forms of the same camera are the same camera.
                #expect(try describe(base + "/bars", uri: base + "//./bars/") == 200)
            }
        }

        /// SETUP on `client` with credentials; returns the session id.
        static func setUp(_ client: RawRTSPClient, url: String, user: String = AuthRig.user, password: String = AuthRig.password) throws -> String {
            var nonce = try AuthRig.nonce(client, url: url)
            var reply: RTSPReply?
            // A second try with the new nonce when a stale-nonce fault's boundary fell in between.
            for attempt in 0..<2 {
                reply = try client.request("SETUP", url + "/trackID=0", headers: [
                    AuthRig.transportTCP,
                    ("Authorization", AuthRig.digest(method: "SETUP", uri: url + "/trackID=0", nonce: nonce, user: user, password: password)),
                ])
                guard attempt == 0, reply?.status == 401, let stale = reply.flatMap({ AuthRig.challenges($0).last }),
                      stale.hasSuffix("stale=TRUE"), let fresh = AuthRig.parameter("nonce", in: stale)
                else { break }
                nonce = fresh
            }
            let answer = try #require(reply)
            #expect(answer.status == 200, "\(answer)")
            let header = try #require(answer.header("Session"))
            return String(header.split(separator: ";")[0])
        }

        @Test
        func aSessionBelongsToItsUserAndConnection() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("bars"), try AuthRig.camera("other")], extraUsers: Self.users) { server in
                let url = server.url(forPath: "bars")
                let owner = try RawRTSPClient(port: server.port)
                let session = try Self.setUp(owner, url: url)

                // Keepalives on the session need no new challenge...
                let keepalive = try owner.request("GET_PARAMETER", url, headers: [("Session", session)])
                #expect(keepalive.status == 200, "\(keepalive)")
                // ...but only for the session's camera.
                let elsewhere = try owner.request("GET_PARAMETER", server.url(forPath: "other"), headers: [("Session", session)])
                #expect(elsewhere.status == 401, "\(elsewhere)")

                // Another user on the same connection may not use it.
                let nonce = try AuthRig.nonce(owner, url: url)
                let borrowed = try owner.request("PLAY", url, headers: [
                    ("Session", session),
                    ("Authorization", AuthRig.digest(method: "PLAY", uri: url, nonce: nonce, user: "second", password: "second-pass")),
                ])
                #expect(borrowed.status == 454, "\(borrowed)")

                // A second connection: the Session header alone is challenged, and with
                // credentials of its own (even the same user's) the session is not found.
                let other = try RawRTSPClient(port: server.port)
                #expect(try other.request("PLAY", url, headers: [("Session", session)]).status == 401)
                let otherNonce = try AuthRig.nonce(other, url: url)
                let stolen = try other.request("PLAY", url, headers: [
                    ("Session", session), ("Authorization", AuthRig.digest(method: "PLAY", uri: url, nonce: otherNonce)),
                ])
                #expect(stolen.status == 454, "\(stolen)")

                // The owner still plays.
                let play = try owner.request("PLAY", url, headers: [("Session", session)])
                #expect(play.status == 200, "\(play)")
            }
        }

        @Test
        func theTunnelIsChallengedAndAPostWithoutItsGetIsRefused() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("bars")]) { server in
                let get = try ViewerSocket(port: server.port)
                try get.send("GET /bars HTTP/1.0\r\nx-sessioncookie: c00k1e\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n")
                let reply = try #require(HTTPTunnelTests.read(get, until: "\r\n\r\n"), "no reply to the GET")
                #expect(reply.hasPrefix("HTTP/1.0 401 Unauthorized\r\n"), "\(reply)")
                #expect(reply.contains("\r\nWWW-Authenticate: Digest realm=\"camsim\", nonce=\""), "\(reply)")

                // The POST half of a tunnel whose GET was refused finds no tunnel.
                let request = "DESCRIBE \(server.url(forPath: "bars")) RTSP/1.0\r\nCSeq: 1\r\n\r\n"
                let post = try ViewerSocket(port: server.port)
                try post.send("POST /bars HTTP/1.0\r\nx-sessioncookie: c00k1e\r\nContent-Length: 32767\r\n\r\n"
                    + Data(request.utf8).base64EncodedString())
                let refused = HTTPTunnelTests.read(post, until: "\r\n")
                #expect(refused?.hasPrefix("HTTP/1.0 400") == true, "\(String(describing: refused))")
                #expect(HTTPTunnelTests.read(get, until: "RTSP/1.0")?.contains("RTSP/1.0 200") != true)
            }
        }

        @Test
        func anAuthenticatedTunnelCarriesRequestsAsItsUser() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("bars", mode: .basic)]) { server in
                let get = try ViewerSocket(port: server.port)
                try get.send("GET /bars HTTP/1.0\r\nx-sessioncookie: t0ken\r\nAuthorization: \(AuthRig.basic())\r\n\r\n")
                let opened = try #require(HTTPTunnelTests.read(get, until: "\r\n\r\n"))
                #expect(opened.hasPrefix("HTTP/1.0 200 OK"), "\(opened)")
                let request = "DESCRIBE \(server.url(forPath: "bars")) RTSP/1.0\r\nCSeq: 3\r\n\r\n"
                let post = try ViewerSocket(port: server.port)
                try post.send("POST /bars HTTP/1.0\r\nx-sessioncookie: t0ken\r\nContent-Length: 32767\r\n\r\n"
                    + Data(request.utf8).base64EncodedString())
                let answer = try #require(HTTPTunnelTests.read(get, until: "CSeq: 3"))
                #expect(answer.contains("RTSP/1.0 200 OK"), "\(answer)")

                // The GET's URL query faults apply to the GET too.
                let narrowed = try ViewerSocket(port: server.port)
                try narrowed.send("GET /bars?auth_only=sha256 HTTP/1.0\r\nx-sessioncookie: other\r\n\r\n")
                let reply = try #require(HTTPTunnelTests.read(narrowed, until: "\r\n\r\n"))
                #expect(reply.hasPrefix("HTTP/1.0 401") && !reply.contains("Basic"), "\(reply)")
                #expect(reply.contains("WWW-Authenticate: Digest realm=\"camsim\", nonce=\"") && reply.contains("algorithm=SHA-256"), "\(reply)")
            }
        }
    }
}
