import Faults
import NIOConcurrencyHelpers
import RTSPAuth

/// The authenticator every connection shares (its failure counts are per client
/// address, across connections), and how a camera's settings and auth faults become
/// the policy of one request.
final class ServerAuthentication: Sendable {
    private struct State {
        var setup: AuthenticationSetup
        var authenticator: Authenticator
    }

    private let state: NIOLockedValueBox<State>

    init(setup: AuthenticationSetup) {
        state = NIOLockedValueBox(State(setup: setup, authenticator: Authenticator(users: setup.users)))
    }

    /// New users and defaults (a reload); nonces already issued stay good.
    func update(_ setup: AuthenticationSetup) {
        state.withLockedValue { state in
            state.setup = setup
            state.authenticator.setUsers(setup.users)
        }
    }

    /// The policy for a request to the camera `mount` names (the server's default for
    /// none) under `faults`, with the fault effects it has; nil when no credentials are asked.
    func policy(
        for mount: CameraRegistry.Mount?, faults: AuthFaultProfile?, origin: Int64, at now: Int64
    ) -> (policy: AuthPolicy, effects: AuthFaultCounters)? {
        let setup = state.withLockedValue { $0.setup }
        guard !setup.users.isEmpty else { return nil }
        var policy = AuthPolicy(
            mode: mount?.authentication.mode ?? setup.defaultMode ?? .digest,
            realm: mount?.authentication.realm ?? setup.realm, nonceLifetime: setup.nonceLifetime)
        guard policy.mode != .none else { return nil }
        var effects = AuthFaultCounters()
        guard let faults, !faults.isEmpty else { return (policy, effects) }
        switch faults.only {
        case .basic: policy.mode = .basic
        case .sha256: policy.mode = .digestSHA256
        case nil: break
        }
        if faults.only != nil { effects.narrowedChallenges = 1 }
        if faults.realmChanged(at: now, origin: origin) {
            policy.realm += "-2"
            effects.realmChanged = 1
        }
        policy.staleBefore = faults.staleBoundary(at: now, origin: origin)
        policy.rejectFirst = faults.rejectFirst ?? 0
        if let failures = faults.lockoutAfter {
            policy.lockout = AuthPolicy.Lockout(failures: failures, nanoseconds: faults.lockoutFor ?? AuthFaultProfile.defaultLockout)
        }
        switch faults.challengeDefect {
        case .missingNonce: policy.challengeDefect = .missingNonce
        case .unknownAlgorithm: policy.challengeDefect = .unknownAlgorithm
        case nil: break
        }
        if policy.challengeDefect != nil { effects.malformedChallenges = 1 }
        return (policy, effects)
    }

    func authenticate(
        _ request: Authenticator.Request, policy: AuthPolicy, at now: Int64, uriMatches: (DigestURI) -> Bool
    ) -> AuthDecision {
        state.withLockedValue { $0.authenticator.authenticate(request, policy: policy, at: now, uriMatches: uriMatches) }
    }

    func challengeHeaders(policy: AuthPolicy, client: String, at now: Int64, stale: Bool = false) -> [String] {
        state.withLockedValue { $0.authenticator.challengeHeaders(policy: policy, client: client, at: now, stale: stale) }
    }

    /// Whether `user` (still) exists and may watch `camera`.
    func user(_ user: String, mayView camera: String?) -> Bool {
        state.withLockedValue { state in
            guard let account = state.authenticator.users[user] else { return false }
            return camera.map(account.mayView) ?? true
        }
    }
}
