@testable import Control
import Testing

struct ConstantTimeTests {
    @Test(arguments: [
        ("token", "token", true),
        ("token", "tokeN", false),
        ("token", "toke", false),
        ("token", "tokens", false),
        ("token", "", false),
        ("ab", "abab", false),
        ("", "", false),
    ])
    func comparesWholeTokens(secret: String, presented: String, equal: Bool) {
        #expect(ConstantTime.equal(Array(secret.utf8), presented.utf8) == equal)
    }
}
