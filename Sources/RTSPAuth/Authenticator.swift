import ConstantTime
/// Authenticates RTSP requests (RFC 2326 §11.2 borrows HTTP's scheme; RFC 7616, RFC 2617,
/// RFC 7617): a state machine over the users, the per-address failure counts and the
/// nonce counts seen, returning a decision for each request. Time is passed in.
///
/// Checks, in order: a lockout in force; the credentials' scheme, realm and algorithm
/// against what was offered; the nonce's signature and address; the `uri` against the
/// request line; the user and password (in constant time); `nc` increasing; the nonce's
/// age (a correct answer to an old nonce gets `stale=TRUE`); the reject-first fault;
/// the user's cameras.
public struct Authenticator: Sendable {
    public private(set) var users: [String: AuthUser]
    public var backoff: AuthBackoff
    let signer: NonceSigner
    private var addresses: [String: AddressFailures] = [:]
    private var nonceCounts: [String: (nc: UInt32, issued: Int64)] = [:]

    /// Addresses tracked at once; idle ones are forgotten first when it fills.
    public static let maximumAddresses = 4096
    /// Nonces whose `nc` is remembered at once; the oldest are forgotten first.
    public static let maximumNonceCounts = 8192

    public init(users: [AuthUser], signer: NonceSigner = NonceSigner(), backoff: AuthBackoff = AuthBackoff()) {
        var byName: [String: AuthUser] = [:]
        for user in users { byName[user.name] = user }
        self.users = byName
        self.signer = signer
        self.backoff = backoff
    }

    /// Replaces the users (a reload); counts are kept.
    public mutating func setUsers(_ users: [AuthUser]) {
        var byName: [String: AuthUser] = [:]
        for user in users { byName[user.name] = user }
        self.users = byName
    }

    /// One request to decide on.
    public struct Request: Sendable {
        public var method: String
        /// The `Authorization` header, if any.
        public var authorization: String?
        /// The client's IP address (no port): nonces and failure counts are per address.
        public var client: String
        /// The camera path the request names, for the user's camera list; nil when it names none.
        public var camera: String?
        /// The request line's target: a Digest `uri` equal to it matches without normalising
        /// (`*` is no URL, yet a client may sign it).
        public var requestURI: String?

        public init(method: String, authorization: String?, client: String, camera: String?, requestURI: String? = nil) {
            self.method = method
            self.authorization = authorization
            self.client = client
            self.camera = camera
            self.requestURI = requestURI
        }
    }

    /// Decides on `request`. `uriMatches` says whether a Digest `uri` parameter names the
    /// same camera as the request line.
    public mutating func authenticate(
        _ request: Request, policy: AuthPolicy, at now: Int64, uriMatches: (DigestURI) -> Bool
    ) -> AuthDecision {
        precondition(policy.mode != .none, "a camera without authentication needs no authenticator")
        var record = addresses[request.client] ?? AddressFailures()
        if let until = record.lockedUntil {
            if until > now { return .forbidden(cause: .lockedOut) }
            record.lockedUntil = nil
            record.failures = 0
            addresses[request.client] = record
        }
        guard let header = request.authorization else {
            return challenge(.noCredentials, request, policy, now)
        }
        guard let value = try? AuthHeaderValue.parseCredentials(header) else {
            return challenge(.unusableCredentials, request, policy, now)
        }
        let outcome: Outcome
        if value.hasScheme("Basic") {
            outcome = policy.mode.acceptsBasic ? verifyBasic(value) : .refused(.unusableCredentials)
        } else if value.hasScheme("Digest") {
            outcome = verifyDigest(value, request, policy, now, uriMatches)
        } else {
            outcome = .refused(.unusableCredentials)
        }
        switch outcome {
        case .refused(let cause):
            let counts = cause == .wrongCredentials || cause == .replayedNonceCount || cause == .uriMismatch
            if counts { return fail(cause, request, policy, now) }
            return challenge(cause, request, policy, now)
        case .stale:
            return challenge(.staleNonce, request, policy, now, stale: true)
        case .correct(let user, let issued):
            if record.correctRefused < policy.rejectFirst {
                record.correctRefused += 1
                addresses[request.client] = record
                return challenge(.rejectedByFault, request, policy, now)
            }
            if let camera = request.camera, let account = users[user], !account.mayView(camera) {
                return .forbidden(cause: .notPermitted)
            }
            return .accepted(user: user, nonceIssuedAt: issued)
        }
    }

    /// The `WWW-Authenticate` values of a 401 under `policy`: Basic first, then the Digest
    /// challenges with MD5 last; `stale=TRUE` on the Digest ones when `stale`.
    public func challengeHeaders(policy: AuthPolicy, client: String, at now: Int64, stale: Bool = false) -> [String] {
        var headers: [String] = []
        if policy.mode.acceptsBasic {
            headers.append(AuthHeaderValue(scheme: "Basic", parameters: [.init("realm", policy.realm)]).serialized)
        }
        let nonce = signer.issue(client: client, at: now)
        for algorithm in policy.mode.digestAlgorithms {
            var challenge = DigestChallenge(realm: policy.realm, nonce: nonce, algorithm: algorithm.rawValue, stale: stale)
            switch policy.challengeDefect {
            case .missingNonce: challenge.nonce = nil
            case .unknownAlgorithm: challenge.algorithm = "SHA-512-256-X"
            case nil: break
            }
            headers.append(challenge.serialized)
        }
        return headers
    }

    // MARK: - Verification

    private enum Outcome {
        case correct(user: String, nonceIssuedAt: Int64?)
        case stale
        case refused(AuthDecision.Cause)
    }

    private func verifyBasic(_ value: AuthHeaderValue) -> Outcome {
        guard let credentials = try? BasicCredentials(value) else { return .refused(.unusableCredentials) }
        // An unknown user is compared against a password nobody has, so it takes the same time.
        let expected = users[credentials.username]?.password
        let matches = ConstantTime.equal(Array((expected ?? "\u{0}unknown user").utf8), Array(credentials.password.utf8))
        guard expected != nil, matches else { return .refused(.wrongCredentials) }
        return .correct(user: credentials.username, nonceIssuedAt: nil)
    }

    private mutating func verifyDigest(
        _ value: AuthHeaderValue, _ request: Request, _ policy: AuthPolicy, _ now: Int64,
        _ uriMatches: (DigestURI) -> Bool
    ) -> Outcome {
        guard let credentials = try? DigestCredentials(value),
              let algorithm = DigestAlgorithm(parameter: credentials.algorithm), policy.mode.accepts(algorithm),
              credentials.realm == policy.realm,
              credentials.qop == nil || AuthSyntax.equalsIgnoringCase(credentials.qop ?? "", "auth")
        else { return .refused(.unusableCredentials) }
        guard let issued = signer.issueTime(of: credentials.nonce, client: request.client) else {
            return .refused(.unknownNonce)
        }
        let sameText = request.requestURI == credentials.uri
        guard sameText || DigestURI(credentials.uri).map(uriMatches) == true else { return .refused(.uriMismatch) }
        let password = users[credentials.username]?.password
        let computation = credentials.computation(method: request.method)
        let expected = computation.flatMap { $0.response(password: password ?? "\u{0}unknown user") } ?? ""
        guard ConstantTime.equalIgnoringCase(expected, credentials.response), password != nil, !expected.isEmpty else {
            return .refused(.wrongCredentials)
        }
        if let nc = credentials.nc {
            if let seen = nonceCounts[credentials.nonce], nc <= seen.nc { return .refused(.replayedNonceCount) }
            remember(nonce: credentials.nonce, nc: nc, issued: issued)
        }
        if now - issued > policy.nonceLifetime || issued < (policy.staleBefore ?? .min) { return .stale }
        return .correct(user: credentials.username, nonceIssuedAt: issued)
    }

    private mutating func remember(nonce: String, nc: UInt32, issued: Int64) {
        if nonceCounts[nonce] == nil, nonceCounts.count >= Self.maximumNonceCounts {
            let oldest = nonceCounts.sorted { $0.value.issued < $1.value.issued }.prefix(Self.maximumNonceCounts / 4)
            for (key, _) in oldest { nonceCounts.removeValue(forKey: key) }
        }
        nonceCounts[nonce] = (nc, issued)
    }

    // MARK: - Answers

    private func challenge(
        _ cause: AuthDecision.Cause, _ request: Request, _ policy: AuthPolicy, _ now: Int64, stale: Bool = false
    ) -> AuthDecision {
        let failures = addresses[request.client]?.count(at: now, decayInterval: backoff.decayInterval) ?? 0
        return .challenge(
            headers: challengeHeaders(policy: policy, client: request.client, at: now, stale: stale),
            cause: cause, delay: backoff.delay(failures: failures))
    }

    /// A failed attempt: counted against the address, which the lockout fault may then lock.
    private mutating func fail(
        _ cause: AuthDecision.Cause, _ request: Request, _ policy: AuthPolicy, _ now: Int64
    ) -> AuthDecision {
        if addresses[request.client] == nil, addresses.count >= Self.maximumAddresses { forgetIdleAddresses(at: now) }
        var record = addresses[request.client] ?? AddressFailures()
        record.recordFailure(at: now, decayInterval: backoff.decayInterval)
        if let lockout = policy.lockout, record.failures >= lockout.failures {
            record.lockedUntil = now + lockout.nanoseconds
            addresses[request.client] = record
            return .forbidden(cause: .lockedOut)
        }
        addresses[request.client] = record
        return challenge(cause, request, policy, now)
    }

    private mutating func forgetIdleAddresses(at now: Int64) {
        addresses = addresses.filter { !$0.value.isIdle(at: now, decayInterval: backoff.decayInterval) }
        if addresses.count >= Self.maximumAddresses { addresses.removeAll() }
    }

    /// Failures counted against `client` now (for tests and the logs).
    public func failures(of client: String, at now: Int64) -> Int {
        addresses[client]?.count(at: now, decayInterval: backoff.decayInterval) ?? 0
    }
}
