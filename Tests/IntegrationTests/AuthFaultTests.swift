import Faults
import Foundation
import RTSPAuth
import Server
import Testing

extension Integration {
    /// Each auth fault, from a camera's profile or a URL query, seen over a raw socket.
    @Suite
    struct AuthFaultTests {
        static let second: Int64 = 1_000_000_000

        static func camera(_ auth: AuthFaultProfile) throws -> CameraDefinition {
            try AuthRig.camera("cam", faults: FaultProfile(control: ControlFaultProfile(auth: auth)))
        }

        /// The camera's fault counters, read with GET_PARAMETER on a fresh session.
        static func cameraCounters(_ client: RawRTSPClient, url: String) throws -> String {
            let session = try AuthBypassTests.setUp(client, url: url)
            let reply = try client.request("GET_PARAMETER", url, headers: [("Session", session), ("Content-Type", "text/parameters")],
                                           body: "fault_counters\r\n")
            #expect(reply.status == 200, "\(reply)")
            return reply.bodyText
        }

        @Test
        func nonceGoesStaleEveryPeriod() async throws {
            try await AuthRig.with(cameras: [try Self.camera(AuthFaultProfile(staleEvery: Self.second))]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let nonce = try AuthRig.nonce(client, url: url)
                var nc = 0
                var last: RTSPReply?
                let stale = try await Poll.until(timeoutSeconds: 10, intervalSeconds: 0.1) {
                    nc += 1
                    last = try client.request("DESCRIBE", url, headers: [
                        ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, nc: nc)),
                    ])
                    return last?.status == 401
                }
                #expect(stale, "the nonce never went stale")
                #expect(AuthRig.challenges(try #require(last)).allSatisfy { $0.hasSuffix("stale=TRUE") })
                let counters = try Self.cameraCounters(client, url: url)
                #expect(counters.range(of: "camera_fault_counters: .*auth: stale nonces [1-9]", options: .regularExpression) != nil, "\(counters)")
            }
        }

        @Test
        func firstCorrectAnswersAreRejected() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("cam")]) { server in
                let url = server.url(forPath: "cam") + "?auth_reject_first=2"
                let client = try RawRTSPClient(port: server.port)
                let nonce = try AuthRig.nonce(client, url: url)
                let statuses = try (1...3).map { nc in
                    try client.request("DESCRIBE", url, headers: [
                        ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, nc: nc)),
                    ]).status
                }
                #expect(statuses == [401, 401, 200])
            }
        }

        @Test
        func realmChangesAtItsTime() async throws {
            try await AuthRig.with(cameras: [try Self.camera(AuthFaultProfile(realmChangeAt: Self.second))]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                var challenge = ""
                let changed = try await Poll.until(timeoutSeconds: 10) {
                    challenge = AuthRig.challenges(try client.request("DESCRIBE", url)).last ?? ""
                    return AuthRig.parameter("realm", in: challenge) == "camsim-2"
                }
                #expect(changed, "\(challenge)")
                let nonce = try #require(AuthRig.parameter("nonce", in: challenge))
                let old = try client.request("DESCRIBE", url, headers: [
                    ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, realm: "camsim", nc: 1)),
                ])
                #expect(old.status == 401)
                let new = try client.request("DESCRIBE", url, headers: [
                    ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, realm: "camsim-2", nc: 2)),
                ])
                #expect(new.status == 200, "\(new)")
            }
        }

        @Test
        func keepalivesNeedFreshCredentialsAfterTheirTime() async throws {
            try await AuthRig.with(cameras: [try Self.camera(AuthFaultProfile(reauthAfter: Self.second))]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let session = try AuthBypassTests.setUp(client, url: url)
                #expect(try client.request("GET_PARAMETER", url, headers: [("Session", session)]).status == 200)
                var demand: RTSPReply?
                let demanded = try await Poll.until(timeoutSeconds: 10) {
                    demand = try client.request("GET_PARAMETER", url, headers: [("Session", session)])
                    return demand?.status == 401
                }
                #expect(demanded, "keepalives were never challenged")
                let challenge = AuthRig.challenges(try #require(demand)).last ?? ""
                let nonce = try #require(AuthRig.parameter("nonce", in: challenge))
                let renewed = try client.request("GET_PARAMETER", url, headers: [
                    ("Session", session), ("Authorization", AuthRig.digest(method: "GET_PARAMETER", uri: url, nonce: nonce)),
                ])
                #expect(renewed.status == 200, "\(renewed)")
                #expect(try client.request("GET_PARAMETER", url, headers: [("Session", session)]).status == 200)
            }
        }

        @Test
        func lockoutForbidsAfterRepeatedFailures() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("cam", mode: .basic)]) { server in
                let url = server.url(forPath: "cam") + "?auth_lockout_after=2&auth_lockout_for=30s"
                let client = try RawRTSPClient(port: server.port)
                let wrong = [("Authorization", AuthRig.basic(password: "wrong"))]
                #expect(try client.request("DESCRIBE", url, headers: wrong).status == 401)
                #expect(try client.request("DESCRIBE", url, headers: wrong).status == 403)
                let locked = try client.request("DESCRIBE", url, headers: [("Authorization", AuthRig.basic())])
                #expect(locked.status == 403 && locked.bodyText.contains("locked out"), "\(locked)")
            }
        }

        @Test
        func malformedChallenges() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("cam", mode: .digestSHA256)]) { server in
                let client = try RawRTSPClient(port: server.port)
                let missing = AuthRig.challenges(try client.request("DESCRIBE", server.url(forPath: "cam") + "?auth_challenge=missing_nonce"))
                #expect(missing == ["Digest realm=\"camsim\", algorithm=SHA-256, qop=\"auth\""])
                let unknown = AuthRig.challenges(try client.request("DESCRIBE", server.url(forPath: "cam") + "?auth_challenge=unknown_algorithm"))
                #expect(unknown.count == 1 && unknown[0].contains(", algorithm=SHA-512-256-X, "), "\(unknown)")
            }
        }

        @Test
        func oneSchemeOnly() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("cam", mode: .digestAndBasic)]) { server in
                let url = server.url(forPath: "cam")
                let client = try RawRTSPClient(port: server.port)
                let basic = AuthRig.challenges(try client.request("DESCRIBE", url + "?auth_only=basic"))
                #expect(basic == ["Basic realm=\"camsim\""])
                let sha = AuthRig.challenges(try client.request("DESCRIBE", url + "?auth_only=sha256"))
                #expect(sha.count == 1 && sha[0].contains("algorithm=SHA-256"), "\(sha)")
                // MD5 answers are refused when only SHA-256 is offered.
                let nonce = try #require(AuthRig.parameter("nonce", in: sha[0]))
                let md5 = try client.request("DESCRIBE", url + "?auth_only=sha256", headers: [
                    ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url + "?auth_only=sha256", nonce: nonce)),
                ])
                #expect(md5.status == 401)
            }
        }

        @Test
        func ffmpegGivesUpOnAChallengeWithoutNonce() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("cam")]) { server in
                let url = AuthClientTests.credentialURL(server, "cam") + "?auth_challenge=missing_nonce"
                let (result, frames) = try await Clients.ffmpegFrames(url, transport: "tcp", seconds: 2, timeoutSeconds: 30)
                #expect(!result.succeeded && !result.timedOut && frames == 0, "\(result)")
            }
        }
    }
}
