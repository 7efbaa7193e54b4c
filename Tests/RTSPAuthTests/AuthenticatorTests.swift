import Testing
@testable import RTSPAuth

@Suite struct AuthenticatorTests {
    static let second: Int64 = 1_000_000_000
    static let client = "192.0.2.7"
    static let users = [AuthUser(name: "admin", password: "secret"), AuthUser(name: "lobby", password: "l", cameras: ["lobby/*"])]

    static func authenticator() -> Authenticator {
        Authenticator(users: users, signer: NonceSigner(key: Array(repeating: 1, count: 32)))
    }

    /// The nonce of the last Digest challenge of a decision.
    static func nonce(_ decision: AuthDecision) throws -> String {
        guard case .challenge(let headers, _, _) = decision else { throw Unexpected(decision) }
        let last = try AuthHeaderValue.parseChallenges(try #require(headers.last))[0]
        return try #require(last["nonce"])
    }

    struct Unexpected: Error { let decision: AuthDecision; init(_ decision: AuthDecision) { self.decision = decision } }

    static func digest(
        _ nonce: String, user: String = "admin", password: String = "secret", uri: String = "rtsp://h/bars",
        algorithm: DigestAlgorithm = .md5, nc: UInt32? = 1, realm: String = "camsim", method: String = "DESCRIBE"
    ) -> String {
        var credentials = DigestCredentials(username: user, realm: realm, nonce: nonce, uri: uri, response: "",
                                            algorithm: algorithm.rawValue)
        if let nc { credentials.qop = "auth"; credentials.nc = nc; credentials.cnonce = "c0ffee" }
        credentials.response = credentials.computation(method: method)!.response(password: password)!
        return credentials.serialized
    }

    static func request(_ authorization: String?, camera: String? = "bars", method: String = "DESCRIBE") -> Authenticator.Request {
        Authenticator.Request(method: method, authorization: authorization, client: client, camera: camera)
    }

    static func sameBars(_ uri: DigestURI) -> Bool { uri.namesSameResource(as: DigestURI("/bars")!) }

    @Test func challengeTextPerMode() throws {
        let auth = Self.authenticator()
        let nonce = auth.signer.issue(client: Self.client, at: 0)
        func headers(_ mode: AuthMode) -> [String] {
            auth.challengeHeaders(policy: AuthPolicy(mode: mode), client: Self.client, at: 0)
        }
        let sha = "Digest realm=\"camsim\", nonce=\"\(nonce)\", algorithm=SHA-256, qop=\"auth\""
        let md5 = "Digest realm=\"camsim\", nonce=\"\(nonce)\", algorithm=MD5, qop=\"auth\""
        #expect(headers(.basic) == ["Basic realm=\"camsim\""])
        #expect(headers(.digest) == [sha, md5])
        #expect(headers(.digestSHA256) == [sha])
        #expect(headers(.digestAndBasic) == ["Basic realm=\"camsim\"", sha, md5])
    }

    @Test func digestRoundTripAcceptsEachAlgorithmAndForm() throws {
        for algorithm in DigestAlgorithm.allCases {
            for nc: UInt32? in [1, nil] where !(algorithm.isSession && nc == nil) {
                var auth = Self.authenticator()
                let nonce = try Self.nonce(auth.authenticate(Self.request(nil), policy: AuthPolicy(mode: .digest), at: 0, uriMatches: Self.sameBars))
                let decision = auth.authenticate(
                    Self.request(Self.digest(nonce, algorithm: algorithm, nc: nc)), policy: AuthPolicy(mode: .digest),
                    at: Self.second, uriMatches: Self.sameBars)
                #expect(decision == .accepted(user: "admin", nonceIssuedAt: 0), "\(algorithm) nc \(String(describing: nc))")
            }
        }
    }

    @Test func wrongPasswordUnknownUserAndOtherRealmAreRefused() throws {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .digest)
        let nonce = auth.signer.issue(client: Self.client, at: 0)
        for (authorization, cause) in [
            (Self.digest(nonce, password: "wrong"), AuthDecision.Cause.wrongCredentials),
            (Self.digest(nonce, user: "nobody"), .wrongCredentials),
            (Self.digest(nonce, realm: "other"), .unusableCredentials),
            (Self.digest(nonce, uri: "/other"), .uriMismatch),
            ("Basic YWRtaW46c2VjcmV0", .unusableCredentials),
            ("Digest nonsense", .unusableCredentials),
        ] {
            let decision = auth.authenticate(Self.request(authorization), policy: policy, at: 1, uriMatches: Self.sameBars)
            guard case .challenge(_, let got, _) = decision else {
                Issue.record("\(authorization): \(decision)")
                continue
            }
            #expect(got == cause, "\(authorization)")
        }
        #expect(auth.failures(of: Self.client, at: 1) == 3)
    }

    @Test func sha256OnlyRefusesMD5() throws {
        var auth = Self.authenticator()
        let nonce = auth.signer.issue(client: Self.client, at: 0)
        let policy = AuthPolicy(mode: .digestSHA256)
        #expect(!auth.authenticate(Self.request(Self.digest(nonce)), policy: policy, at: 0, uriMatches: Self.sameBars).isAccepted)
        #expect(auth.authenticate(Self.request(Self.digest(nonce, algorithm: .sha256)), policy: policy, at: 0,
                                  uriMatches: Self.sameBars).isAccepted)
    }

    @Test func nonceCountMustIncrease() throws {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .digest)
        let nonce = auth.signer.issue(client: Self.client, at: 0)
        #expect(auth.authenticate(Self.request(Self.digest(nonce, nc: 1)), policy: policy, at: 0, uriMatches: Self.sameBars).isAccepted)
        #expect(auth.authenticate(Self.request(Self.digest(nonce, nc: 2)), policy: policy, at: 0, uriMatches: Self.sameBars).isAccepted)
        let replay = auth.authenticate(Self.request(Self.digest(nonce, nc: 2)), policy: policy, at: 0, uriMatches: Self.sameBars)
        guard case .challenge(_, .replayedNonceCount, _) = replay else { Issue.record("\(replay)"); return }
    }

    @Test func anExpiredNonceWithTheRightAnswerIsStale() throws {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .digest, nonceLifetime: 60 * Self.second)
        let nonce = auth.signer.issue(client: Self.client, at: 0)
        let late = auth.authenticate(Self.request(Self.digest(nonce)), policy: policy, at: 61 * Self.second, uriMatches: Self.sameBars)
        guard case .challenge(let headers, .staleNonce, _) = late else { Issue.record("\(late)"); return }
        #expect(headers.allSatisfy { $0.hasSuffix(", stale=TRUE") })
        // A wrong answer to the same nonce is a plain failure, not stale.
        let wrong = auth.authenticate(Self.request(Self.digest(nonce, password: "x", nc: 2)), policy: policy,
                                      at: 61 * Self.second, uriMatches: Self.sameBars)
        guard case .challenge(let plain, .wrongCredentials, _) = wrong else { Issue.record("\(wrong)"); return }
        #expect(!plain.contains { $0.contains("stale") })
        // A nonce from before `staleBefore` is stale too.
        let fresh = auth.signer.issue(client: Self.client, at: 10 * Self.second)
        var faulted = policy
        faulted.staleBefore = 11 * Self.second
        guard case .challenge(_, .staleNonce, _) = auth.authenticate(
            Self.request(Self.digest(fresh)), policy: faulted, at: 12 * Self.second, uriMatches: Self.sameBars)
        else { Issue.record("staleBefore ignored"); return }
    }

    @Test func aNonceFromAnotherAddressIsUnknown() {
        var auth = Self.authenticator()
        let nonce = auth.signer.issue(client: "198.51.100.1", at: 0)
        let decision = auth.authenticate(Self.request(Self.digest(nonce)), policy: AuthPolicy(mode: .digest), at: 0,
                                         uriMatches: Self.sameBars)
        guard case .challenge(_, .unknownNonce, _) = decision else { Issue.record("\(decision)"); return }
    }

    @Test func basicChecksThePassword() {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .digestAndBasic)
        let good = BasicCredentials(username: "admin", password: "secret").serialized
        let bad = BasicCredentials(username: "admin", password: "secreT").serialized
        #expect(auth.authenticate(Self.request(good), policy: policy, at: 0, uriMatches: Self.sameBars)
            == .accepted(user: "admin", nonceIssuedAt: nil))
        #expect(!auth.authenticate(Self.request(bad), policy: policy, at: 0, uriMatches: Self.sameBars).isAccepted)
        #expect(!auth.authenticate(Self.request(good), policy: AuthPolicy(mode: .digest), at: 0, uriMatches: Self.sameBars).isAccepted)
    }

    @Test func usersOnlyReachTheirCameras() {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .basic)
        let lobby = BasicCredentials(username: "lobby", password: "l").serialized
        #expect(auth.authenticate(Self.request(lobby, camera: "lobby/cam-1"), policy: policy, at: 0, uriMatches: Self.sameBars).isAccepted)
        #expect(auth.authenticate(Self.request(lobby, camera: "bars"), policy: policy, at: 0, uriMatches: Self.sameBars)
            == .forbidden(cause: .notPermitted))
    }

    @Test func failuresSlowTheAnswersAndDecay() {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .basic)
        let bad = BasicCredentials(username: "admin", password: "no").serialized
        var delays: [Int64] = []
        for _ in 0..<7 {
            guard case .challenge(_, _, let delay) = auth.authenticate(Self.request(bad), policy: policy, at: 0, uriMatches: Self.sameBars)
            else { Issue.record("not a challenge"); return }
            delays.append(delay)
        }
        // From the fifth failure on, each 401 waits twice as long as the one before.
        #expect(delays == [0, 0, 0, 0, 250_000_000, 500_000_000, 1_000_000_000])
        #expect(auth.failures(of: Self.client, at: 0) == 7)
        #expect(auth.failures(of: Self.client, at: 30 * Self.second) == 4)
        #expect(auth.failures(of: Self.client, at: 70 * Self.second) == 0)
    }

    @Test func lockoutForbidsForItsDurationThenLifts() {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .basic, lockout: .init(failures: 3, nanoseconds: 30 * Self.second))
        let bad = BasicCredentials(username: "admin", password: "no").serialized
        let good = BasicCredentials(username: "admin", password: "secret").serialized
        for _ in 0..<2 { #expect(!auth.authenticate(Self.request(bad), policy: policy, at: 0, uriMatches: Self.sameBars).isAccepted) }
        #expect(auth.authenticate(Self.request(bad), policy: policy, at: 0, uriMatches: Self.sameBars) == .forbidden(cause: .lockedOut))
        #expect(auth.authenticate(Self.request(good), policy: policy, at: 29 * Self.second, uriMatches: Self.sameBars)
            == .forbidden(cause: .lockedOut))
        #expect(auth.authenticate(Self.request(good), policy: policy, at: 30 * Self.second, uriMatches: Self.sameBars).isAccepted)
    }

    @Test func rejectFirstRefusesCorrectAnswers() {
        var auth = Self.authenticator()
        let policy = AuthPolicy(mode: .basic, rejectFirst: 2)
        let good = BasicCredentials(username: "admin", password: "secret").serialized
        let causes = (0..<3).map { _ -> AuthDecision in
            auth.authenticate(Self.request(good), policy: policy, at: 0, uriMatches: Self.sameBars)
        }
        guard case .challenge(_, .rejectedByFault, _) = causes[0], case .challenge(_, .rejectedByFault, _) = causes[1] else {
            Issue.record("\(causes)")
            return
        }
        #expect(causes[2].isAccepted)
        #expect(auth.failures(of: Self.client, at: 0) == 0)
    }

    @Test func malformedChallengesAreMalformed() {
        let auth = Self.authenticator()
        let missing = auth.challengeHeaders(policy: AuthPolicy(mode: .digest, challengeDefect: .missingNonce), client: Self.client, at: 0)
        #expect(missing == ["Digest realm=\"camsim\", algorithm=SHA-256, qop=\"auth\"", "Digest realm=\"camsim\", algorithm=MD5, qop=\"auth\""])
        let unknown = auth.challengeHeaders(policy: AuthPolicy(mode: .digestSHA256, challengeDefect: .unknownAlgorithm), client: Self.client, at: 0)
        #expect(unknown.count == 1 && unknown[0].contains("algorithm=SHA-512-256-X"))
    }
}
