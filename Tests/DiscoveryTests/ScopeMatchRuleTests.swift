import Testing
@testable import Discovery

@Suite struct ScopeMatchRuleTests {
    /// (probe scope, target scope, matches under the RFC 3986 rule), WS-Discovery §5.1.
    static let rfc3986Cases: [(String, String, Bool)] = [
        ("onvif://www.onvif.org/name/lobby", "onvif://www.onvif.org/name/lobby", true),
        ("onvif://www.onvif.org/name", "onvif://www.onvif.org/name/lobby", true),
        ("onvif://www.onvif.org", "onvif://www.onvif.org/name/lobby", true),
        ("onvif://www.onvif.org/name/", "onvif://www.onvif.org/name/lobby", true),
        ("ONVIF://WWW.ONVIF.ORG/name", "onvif://www.onvif.org/name/lobby", true),
        ("onvif://www.onvif.org/Name", "onvif://www.onvif.org/name/lobby", false),
        ("onvif://www.onvif.org/name/lob", "onvif://www.onvif.org/name/lobby", false),
        ("onvif://www.onvif.org/name/lobby/door", "onvif://www.onvif.org/name/lobby", false),
        ("onvif://other.org/name", "onvif://www.onvif.org/name/lobby", false),
        ("http://www.onvif.org/name", "onvif://www.onvif.org/name/lobby", false),
        ("onvif://www.onvif.org/name?x=1", "onvif://www.onvif.org/name/lobby", true),
        ("no scheme", "onvif://www.onvif.org/name", false),
        ("", "onvif://www.onvif.org/name", false),
    ]

    @Test(arguments: rfc3986Cases)
    func rfc3986(_ probe: String, _ target: String, _ expected: Bool) {
        #expect(ScopeMatchRule.rfc3986.matches(probe, target) == expected)
    }

    @Test func strcmp0IsExact() {
        #expect(ScopeMatchRule.strcmp0.matches("onvif://a/b", "onvif://a/b"))
        #expect(!ScopeMatchRule.strcmp0.matches("onvif://a", "onvif://a/b"))
        #expect(!ScopeMatchRule.strcmp0.matches("ONVIF://a/b", "onvif://a/b"))
    }

    @Test func rulesByURI() {
        #expect(ScopeMatchRule(uri: WSDiscoveryNamespace.matchByRFC2396) == .rfc3986)
        #expect(ScopeMatchRule(uri: WSDiscoveryNamespace.matchByRFC3986) == .rfc3986)
        #expect(ScopeMatchRule(uri: WSDiscoveryNamespace.matchByStrcmp0) == .strcmp0)
        let unknown = ScopeMatchRule(uri: "urn:example:ldap")
        #expect(unknown == .unsupported("urn:example:ldap"))
        #expect(!unknown.matches("onvif://a", "onvif://a"))
    }
}
