import Foundation
import ONVIF
import Testing

@Suite struct UsernameTokenVerifierTests {
    static let created = "2026-11-26T10:00:00Z"
    static let createdAt = XSDateTime.parse(created)!
    static let nonce = "AAECAwQFBgcICQoLDA0ODw=="  // bytes 0...15
    /// Base64(SHA-1(nonce + created + "secret")), computed apart (Python's hashlib).
    static let digest = "XDL+2E0OGJhPYi//LCD83v5VnRY="
    static let passwords = ["admin": "secret"]
    static let second: Int64 = 1_000_000_000

    static func token(password: String = digest, nonce: String? = nonce, created: String? = created, user: String = "admin") -> UsernameToken {
        UsernameToken(username: user, password: password, passwordType: .digest, nonce: nonce, created: created)
    }

    @Test func digestOfTheProfile() {
        let nonce = Data(base64Encoded: Self.nonce)!
        #expect(UsernameTokenVerifier.digest(nonce: nonce, created: Self.created, password: "secret") == Self.digest)
    }

    @Test func acceptsAGoodDigestOnce() {
        var verifier = UsernameTokenVerifier()
        #expect(verifier.verify(Self.token(), passwords: Self.passwords, now: Self.createdAt + Self.second) == .success("admin"))
        #expect(verifier.verify(Self.token(), passwords: Self.passwords, now: Self.createdAt + 2 * Self.second) == .failure(.replayed))
    }

    @Test func refusesWrongPasswordAndUnknownUserAlike() {
        var verifier = UsernameTokenVerifier()
        #expect(verifier.verify(Self.token(password: "AAAA"), passwords: Self.passwords, now: Self.createdAt) == .failure(.badCredentials))
        #expect(verifier.verify(Self.token(user: "eve"), passwords: Self.passwords, now: Self.createdAt) == .failure(.badCredentials))
        // A refused token is not remembered: the right one still gets in.
        #expect(verifier.verify(Self.token(), passwords: Self.passwords, now: Self.createdAt) == .success("admin"))
    }

    @Test func refusesCreatedOutsideTheSkew() {
        var verifier = UsernameTokenVerifier(allowedSkew: 300 * Self.second)
        #expect(verifier.verify(Self.token(), passwords: Self.passwords, now: Self.createdAt + 301 * Self.second) == .failure(.createdOutsideWindow))
        #expect(verifier.verify(Self.token(), passwords: Self.passwords, now: Self.createdAt - 301 * Self.second) == .failure(.createdOutsideWindow))
        #expect(verifier.verify(Self.token(), passwords: Self.passwords, now: Self.createdAt - 300 * Self.second) == .success("admin"))
    }

    @Test func forgetsPairsOnceStale() {
        var verifier = UsernameTokenVerifier(allowedSkew: 300 * Self.second, maxRemembered: 1)
        #expect(verifier.verify(Self.token(), passwords: Self.passwords, now: Self.createdAt) == .success("admin"))
        // Full of a fresh pair: a new token is refused rather than the pair forgotten.
        let other = "AQIDBAUGBwgJCgsMDQ4PEA=="
        let otherDigest = UsernameTokenVerifier.digest(nonce: Data(base64Encoded: other)!, created: Self.created, password: "secret")
        #expect(verifier.verify(Self.token(password: otherDigest, nonce: other), passwords: Self.passwords, now: Self.createdAt) == .failure(.cacheFull))
        // Once the first pair is stale it is dropped, and its replay fails on the clock instead.
        let later = Self.createdAt + 301 * Self.second
        let laterCreated = XSDateTime.format(later)
        let laterDigest = UsernameTokenVerifier.digest(nonce: Data(base64Encoded: other)!, created: laterCreated, password: "secret")
        #expect(verifier.verify(Self.token(password: laterDigest, nonce: other, created: laterCreated), passwords: Self.passwords, now: later) == .success("admin"))
        #expect(verifier.rememberedCount == 1)
    }

    @Test func digestNeedsNonceAndCreated() {
        var verifier = UsernameTokenVerifier()
        #expect(verifier.verify(Self.token(nonce: nil), passwords: Self.passwords, now: Self.createdAt) == .failure(.missingNonceOrCreated))
        #expect(verifier.verify(Self.token(created: nil), passwords: Self.passwords, now: Self.createdAt) == .failure(.missingNonceOrCreated))
        #expect(verifier.verify(Self.token(nonce: "!!"), passwords: Self.passwords, now: Self.createdAt) == .failure(.badNonce))
        #expect(verifier.verify(Self.token(created: "yesterday"), passwords: Self.passwords, now: Self.createdAt) == .failure(.badCreated))
    }

    @Test func passwordText() {
        var verifier = UsernameTokenVerifier()
        let plain = UsernameToken(username: "admin", password: "secret", passwordType: .text)
        #expect(verifier.verify(plain, passwords: Self.passwords, now: 0) == .success("admin"))
        let wrong = UsernameToken(username: "admin", password: "secreT", passwordType: .text)
        #expect(verifier.verify(wrong, passwords: Self.passwords, now: 0) == .failure(.badCredentials))
        // With a nonce and a time, a text password is held to the same freshness.
        let fresh = UsernameToken(username: "admin", password: "secret", passwordType: .text, nonce: Self.nonce, created: Self.created)
        #expect(verifier.verify(fresh, passwords: Self.passwords, now: Self.createdAt) == .success("admin"))
        #expect(verifier.verify(fresh, passwords: Self.passwords, now: Self.createdAt) == .failure(.replayed))
    }
}
