import ConstantTime
import Testing

struct ConstantTimeTests {
    @Test(arguments: [
        ("token", "token", true),
        ("token", "tokeN", false),
        ("token", "toke", false),
        ("token", "tokens", false),
        ("token", "", false),
        ("ab", "abab", false),
        ("", "x", false),
        ("", "\u{0}", false),
        ("", "", true),
    ])
    func comparesWholeSecrets(secret: String, presented: String, equal: Bool) {
        #expect(ConstantTime.equal(Array(secret.utf8), presented.utf8) == equal)
    }

    @Test(arguments: [
        ("9e107d9d372bb6826bd81d3542a419d6", "9E107D9D372BB6826BD81D3542A419D6", true),
        ("9e107d9d372bb6826bd81d3542a419d6", "9e107d9d372bb6826bd81d3542a419d7", false),
        ("abc", "ABCD", false),
        ("a[", "A{", false),
    ])
    func foldsASCIICaseOnly(secret: String, presented: String, equal: Bool) {
        #expect(ConstantTime.equalIgnoringCase(secret, presented) == equal)
    }
}
