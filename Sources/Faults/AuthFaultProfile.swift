/// Faults of authentication, as data: what a camera's login does wrong on purpose, to
/// see how a client copes. Times are nanoseconds since the camera started (`realmChangeAt`)
/// or since a session was authorised (`reauthAfter`).
public struct AuthFaultProfile: Sendable, Equatable, Hashable {
    /// A deliberately broken Digest challenge.
    public enum ChallengeDefect: String, Sendable, Equatable, Hashable, CaseIterable {
        case missingNonce = "missing_nonce"
        case unknownAlgorithm = "unknown_algorithm"
    }

    /// One scheme only, whatever the camera's mode.
    public enum OnlyScheme: String, Sendable, Equatable, Hashable, CaseIterable {
        case basic
        case sha256
    }

    /// Every nonce goes stale at each multiple of this period since the camera started.
    public var staleEvery: Int64?
    /// The first N correct answers from a client address are refused.
    public var rejectFirst: Int?
    /// The realm changes (to `<realm>-2`) at this time.
    public var realmChangeAt: Int64?
    /// Requests on a session this long after it was authorised need fresh credentials.
    public var reauthAfter: Int64?
    /// 403 for `lockoutFor` after this many failures from one address.
    public var lockoutAfter: Int?
    public var lockoutFor: Int64?
    public var challengeDefect: ChallengeDefect?
    public var only: OnlyScheme?

    /// Lockout length when only the failure count is given: 30 s.
    public static let defaultLockout: Int64 = 30 * FaultTime.second

    public init(
        staleEvery: Int64? = nil, rejectFirst: Int? = nil, realmChangeAt: Int64? = nil, reauthAfter: Int64? = nil,
        lockoutAfter: Int? = nil, lockoutFor: Int64? = nil, challengeDefect: ChallengeDefect? = nil, only: OnlyScheme? = nil
    ) {
        self.staleEvery = staleEvery
        self.rejectFirst = rejectFirst
        self.realmChangeAt = realmChangeAt
        self.reauthAfter = reauthAfter
        self.lockoutAfter = lockoutAfter
        self.lockoutFor = lockoutFor
        self.challengeDefect = challengeDefect
        self.only = only
    }

    /// Every field `later` sets replaces this one's.
    public func merged(with later: AuthFaultProfile) -> AuthFaultProfile {
        AuthFaultProfile(
            staleEvery: later.staleEvery ?? staleEvery, rejectFirst: later.rejectFirst ?? rejectFirst,
            realmChangeAt: later.realmChangeAt ?? realmChangeAt, reauthAfter: later.reauthAfter ?? reauthAfter,
            lockoutAfter: later.lockoutAfter ?? lockoutAfter, lockoutFor: later.lockoutFor ?? lockoutFor,
            challengeDefect: later.challengeDefect ?? challengeDefect, only: later.only ?? only)
    }

    public var isEmpty: Bool { self == AuthFaultProfile() }

    /// The start of the period a nonce issued now must be from, under `staleEvery`.
    public func staleBoundary(at now: Int64, origin: Int64) -> Int64? {
        guard let period = staleEvery, period > 0 else { return nil }
        let elapsed = max(0, now - origin)
        return origin + elapsed / period * period
    }

    /// Whether the realm has changed by `now`.
    public func realmChanged(at now: Int64, origin: Int64) -> Bool {
        guard let at = realmChangeAt else { return false }
        return now - origin >= at
    }
}

/// How often each auth fault changed an answer.
public struct AuthFaultCounters: Sendable, Equatable, Hashable {
    /// Correct answers to nonces a `stale_every` or re-auth boundary made stale.
    public var staleNonces = 0
    /// Correct answers refused by `auth_reject_first`.
    public var rejectedCorrect = 0
    /// Challenges sent with the changed realm.
    public var realmChanged = 0
    /// Session requests refused for want of fresh credentials.
    public var reauthDemanded = 0
    /// Requests answered 403 by the lockout.
    public var lockedOut = 0
    /// Challenges written broken on purpose.
    public var malformedChallenges = 0
    /// Challenges narrowed to one scheme.
    public var narrowedChallenges = 0

    public init() {}

    public static func + (lhs: AuthFaultCounters, rhs: AuthFaultCounters) -> AuthFaultCounters {
        var sum = lhs
        sum.staleNonces += rhs.staleNonces
        sum.rejectedCorrect += rhs.rejectedCorrect
        sum.realmChanged += rhs.realmChanged
        sum.reauthDemanded += rhs.reauthDemanded
        sum.lockedOut += rhs.lockedOut
        sum.malformedChallenges += rhs.malformedChallenges
        sum.narrowedChallenges += rhs.narrowedChallenges
        return sum
    }

    public var total: Int {
        staleNonces + rejectedCorrect + realmChanged + reauthDemanded + lockedOut + malformedChallenges + narrowedChallenges
    }
}
