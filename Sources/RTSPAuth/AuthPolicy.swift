/// How one request is to be authenticated: the camera's mode and realm, and what the
/// auth faults in force change about it. The server builds one per request from the
/// configuration and the fault profile; the authenticator only reads it.
public struct AuthPolicy: Hashable, Sendable {
    /// A deliberately broken challenge (a fault).
    public enum ChallengeDefect: String, Hashable, Sendable, CaseIterable {
        /// The Digest challenge has no `nonce`.
        case missingNonce = "missing_nonce"
        /// The Digest challenge names an algorithm no client knows.
        case unknownAlgorithm = "unknown_algorithm"
    }

    /// Lockout: after `failures` failed attempts from one address, 403 for `nanoseconds`.
    public struct Lockout: Hashable, Sendable {
        public var failures: Int
        public var nanoseconds: Int64
        public init(failures: Int, nanoseconds: Int64) {
            self.failures = failures
            self.nanoseconds = nanoseconds
        }
    }

    public var mode: AuthMode
    public var realm: String
    /// How long a nonce stays fresh.
    public var nonceLifetime: Int64
    /// Nonces issued before this time are stale (the stale-every and re-auth faults).
    public var staleBefore: Int64?
    /// The first N correct answers from an address are refused as if wrong (a fault).
    public var rejectFirst: Int
    public var lockout: Lockout?
    public var challengeDefect: ChallengeDefect?

    /// Nonce lifetime when the configuration gives none: 60 s.
    public static let defaultNonceLifetime: Int64 = 60_000_000_000

    public init(
        mode: AuthMode, realm: String = "camsim", nonceLifetime: Int64 = AuthPolicy.defaultNonceLifetime,
        staleBefore: Int64? = nil, rejectFirst: Int = 0, lockout: Lockout? = nil, challengeDefect: ChallengeDefect? = nil
    ) {
        self.mode = mode
        self.realm = realm
        self.nonceLifetime = nonceLifetime
        self.staleBefore = staleBefore
        self.rejectFirst = rejectFirst
        self.lockout = lockout
        self.challengeDefect = challengeDefect
    }
}
