import Testing
@testable import RTSPAuth

@Suite struct NonceSignerTests {
    let signer = NonceSigner(key: Array(repeating: 7, count: 32))

    @Test func aNonceReadsBackItsTimeForItsClientOnly() {
        let nonce = signer.issue(client: "127.0.0.1", at: 123_456_789)
        #expect(nonce.utf8.count == NonceSigner.nonceLength)
        #expect(signer.issueTime(of: nonce, client: "127.0.0.1") == 123_456_789)
        #expect(signer.issueTime(of: nonce, client: "127.0.0.2") == nil)
        #expect(NonceSigner(key: Array(repeating: 8, count: 32)).issueTime(of: nonce, client: "127.0.0.1") == nil)
    }

    @Test func aTamperedNonceIsRefused() {
        let nonce = signer.issue(client: "::1", at: 5)
        var bytes = Array(nonce.utf8)
        bytes[3] = bytes[3] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(signer.issueTime(of: String(decoding: bytes, as: UTF8.self), client: "::1") == nil)
        #expect(signer.issueTime(of: String(nonce.dropLast()), client: "::1") == nil)
        #expect(signer.issueTime(of: "zz" + nonce.dropFirst(2), client: "::1") == nil)
    }

    @Test func nonceTimesAreMonotonicNanoseconds() {
        #expect(signer.issueTime(of: signer.issue(client: "a", at: 0), client: "a") == 0)
        #expect(signer.issueTime(of: signer.issue(client: "a", at: .max), client: "a") == .max)
    }
}
