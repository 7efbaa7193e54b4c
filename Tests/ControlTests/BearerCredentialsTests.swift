@testable import Control
import Testing

struct BearerCredentialsTests {
    @Test(arguments: [
        ("Bearer abc", "abc"),
        ("bearer abc", "abc"),
        ("BEARER   abc", "abc"),
        ("Basic abc", nil),
        ("Bearer", nil),
        ("Bearerabc", nil),
        ("", nil),
    ] as [(String, String?)])
    func readsTheTokenOfABearerCredential(header: String, token: String?) {
        #expect(BearerTokenMiddleware.credentials(header).map(String.init) == token)
    }

    @Test func noHeaderIsNoCredential() {
        #expect(BearerTokenMiddleware.credentials(nil) == nil)
    }
}
