import Testing
@testable import Faults

@Suite struct AuthFaultKeyTests {
    static let expected = AuthFaultProfile(
        staleEvery: 10 * sec, rejectFirst: 2, realmChangeAt: 60 * sec, reauthAfter: 30 * sec, lockoutAfter: 5,
        lockoutFor: 20 * sec, challengeDefect: .missingNonce, only: .sha256)

    @Test func urlQuerySetsEveryAuthFault() throws {
        let query = try FaultProfile.parse(query: [
            ("auth_stale_every", "10s"), ("auth_reject_first", "2"), ("auth-realm-change-at", "1m"),
            ("auth_reauth_after", "30"), ("auth_lockout_after", "5"), ("auth_lockout_for", "20s"),
            ("auth_challenge", "missing_nonce"), ("auth_only", "SHA256"),
        ])
        #expect(query.profile.control.auth == Self.expected)
        #expect(!query.profile.control.isEmpty)
    }

    @Test func yamlSetsEveryAuthFault() throws {
        let profile = try FaultProfile.parse(yaml: """
            auth_stale_every: 10s
            auth_reject_first: 2
            auth_realm_change_at: 60s
            auth_reauth_after: 30s
            auth_lockout_after: 5
            auth_lockout_for: 20s
            auth_challenge: missing_nonce
            auth_only: sha256
            """, file: "t.yaml", line: 1)
        #expect(profile.control.auth == Self.expected)
    }

    @Test func badValuesAreRefusedWithTheirKey() {
        for (name, value) in [("auth_challenge", "no_nonce"), ("auth_only", "ntlm"), ("auth_lockout_after", "0"), ("auth_stale_every", "soon")] {
            #expect(throws: FaultProfileError.self) { try FaultProfile.parse(query: [(name, value)]) }
            do {
                _ = try FaultProfile.parse(query: [(name, value)])
            } catch {
                #expect(error.description.contains(name), "\(error)")
            }
        }
    }

    @Test func laterProfilesOverrideFieldByField() {
        let base = ControlFaultProfile(auth: AuthFaultProfile(staleEvery: sec, rejectFirst: 1))
        let later = ControlFaultProfile(auth: AuthFaultProfile(rejectFirst: 3, only: .basic))
        #expect(base.merged(with: later).auth == AuthFaultProfile(staleEvery: sec, rejectFirst: 3, only: .basic))
    }

    @Test func staleBoundariesAndRealmChange() {
        let auth = AuthFaultProfile(staleEvery: 10 * sec, realmChangeAt: 5 * sec)
        #expect(auth.staleBoundary(at: 100 + 25 * sec, origin: 100) == 100 + 20 * sec)
        #expect(auth.staleBoundary(at: 50, origin: 100) == 100)
        #expect(!auth.realmChanged(at: 100 + 4 * sec, origin: 100))
        #expect(auth.realmChanged(at: 100 + 5 * sec, origin: 100))
    }
}
