import Foundation
import RTSPAuth
import Testing

extension Integration {
    /// What a camera that asks for credentials sends and accepts, byte for byte, over a raw socket.
    @Suite
    struct AuthChallengeTests {
        /// `expected` as a whole-string pattern, `NONCE` standing for a 48-digit hex nonce.
        static func matches(_ value: String, _ expected: String) -> Bool {
            let pattern = NSRegularExpression.escapedPattern(for: expected).replacingOccurrences(of: "NONCE", with: "[0-9a-f]{48}")
            return value.range(of: "^\(pattern)$", options: .regularExpression) != nil
        }

        @Test
        func eachModeSendsItsExactChallenges() async throws {
            let cameras = try [
                AuthRig.camera("d"), AuthRig.camera("s", mode: .digestSHA256), AuthRig.camera("b", mode: .basic),
                AuthRig.camera("db", mode: .digestAndBasic), AuthRig.camera("n", mode: AuthMode.none),
            ]
            try await AuthRig.with(cameras: cameras) { server in
                let client = try RawRTSPClient(port: server.port)
                let sha = "Digest realm=\"camsim\", nonce=\"NONCE\", algorithm=SHA-256, qop=\"auth\""
                let md5 = "Digest realm=\"camsim\", nonce=\"NONCE\", algorithm=MD5, qop=\"auth\""
                let basic = "Basic realm=\"camsim\""
                for (path, expected) in [("d", [sha, md5]), ("s", [sha]), ("b", [basic]), ("db", [basic, sha, md5])] {
                    let reply = try client.request("DESCRIBE", server.url(forPath: path))
                    #expect(reply.status == 401 && reply.reason == "Unauthorized", "\(reply)")
                    let got = AuthRig.challenges(reply)
                    #expect(got.count == expected.count, "\(path): \(got)")
                    for (value, pattern) in zip(got, expected) {
                        #expect(Self.matches(value, pattern), "\(path): \(value)")
                    }
                    // One nonce for all Digest challenges of a 401.
                    #expect(Set(got.compactMap { AuthRig.parameter("nonce", in: $0) }).count <= 1, "\(got)")
                }
                // A camera without authentication, and OPTIONS anywhere, need none.
                #expect(try client.request("DESCRIBE", server.url(forPath: "n")).status == 200)
                #expect(try client.request("OPTIONS", server.url(forPath: "d")).status == 200)
                #expect(try client.request("OPTIONS", "*").status == 200)
            }
        }

        @Test
        func digestAnswersComputedHereAreAccepted() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("d")]) { server in
                let url = server.url(forPath: "d")
                let client = try RawRTSPClient(port: server.port)
                let nonce = try AuthRig.nonce(client, url: url)
                for (algorithm, nc) in [("SHA-256", 1), ("MD5-sess", 2), ("SHA-256-sess", 3), ("MD5", 4)] {
                    let reply = try client.request("DESCRIBE", url, headers: [
                        ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, algorithm: algorithm, nc: nc)),
                    ])
                    #expect(reply.status == 200, "\(algorithm): \(reply)")
                    #expect(reply.header("Content-Type") == "application/sdp")
                }
                // The RFC 2069 form (no qop), as GStreamer and live555 send it, with a relative uri.
                let legacy = try client.request("DESCRIBE", url, headers: [
                    ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: "/d", nonce: nonce, nc: nil)),
                ])
                #expect(legacy.status == 200, "\(legacy)")
                // A wrong password, a replayed nc and another method's hash are refused.
                for authorization in [
                    AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, nc: 9, password: "wrong"),
                    AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, nc: 4),
                    AuthRig.digest(method: "PLAY", uri: url, nonce: nonce, nc: 10),
                ] {
                    let reply = try client.request("DESCRIBE", url, headers: [("Authorization", authorization)])
                    #expect(reply.status == 401, "\(authorization): \(reply)")
                }
            }
        }

        @Test
        func setupSignedWithTheBaseURLIsAccepted() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("d")]) { server in
                let url = server.url(forPath: "d")
                let client = try RawRTSPClient(port: server.port)
                let nonce = try AuthRig.nonce(client, url: url)
                // VLC and live555 hash SETUP with the base URL, not the track URL.
                let setup = try client.request("SETUP", url + "/trackID=0", headers: [
                    AuthRig.transportTCP,
                    ("Authorization", AuthRig.digest(method: "SETUP", uri: url + "/", nonce: nonce, nc: nil)),
                ])
                #expect(setup.status == 200, "\(setup)")
            }
        }

        @Test
        func anExpiredNonceWithTheRightAnswerGetsStaleTrue() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("d")], nonceLifetimeSeconds: 1) { server in
                let url = server.url(forPath: "d")
                let client = try RawRTSPClient(port: server.port)
                let nonce = try AuthRig.nonce(client, url: url)
                var nc = 0
                var last: RTSPReply?
                let stale = try await Poll.until(timeoutSeconds: 10, intervalSeconds: 0.25) {
                    nc += 1
                    let reply = try client.request("DESCRIBE", url, headers: [
                        ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, nc: nc)),
                    ])
                    last = reply
                    return reply.status == 401
                }
                #expect(stale, "the nonce never expired")
                let challenges = AuthRig.challenges(try #require(last))
                #expect(!challenges.isEmpty && challenges.allSatisfy { $0.hasSuffix(", stale=TRUE") }, "\(challenges)")
                // The new nonce works.
                let fresh = try #require(AuthRig.parameter("nonce", in: challenges.last ?? ""))
                #expect(fresh != nonce)
                let reply = try client.request("DESCRIBE", url, headers: [
                    ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: fresh, nc: 1)),
                ])
                #expect(reply.status == 200, "\(reply)")
            }
        }

        @Test
        func basicIsAcceptedOnlyWhereOffered() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("b", mode: .basic), try AuthRig.camera("d")]) { server in
                let client = try RawRTSPClient(port: server.port)
                #expect(try client.request("DESCRIBE", server.url(forPath: "b"), headers: [("Authorization", AuthRig.basic())]).status == 200)
                #expect(try client.request("DESCRIBE", server.url(forPath: "b"), headers: [
                    ("Authorization", AuthRig.basic(password: "nope")),
                ]).status == 401)
                #expect(try client.request("DESCRIBE", server.url(forPath: "d"), headers: [("Authorization", AuthRig.basic())]).status == 401)
            }
        }
    }
}
