@testable import Control
import Testing

/// The `Host` header that ONVIF addresses are built from: only host and port characters pass.
@Suite struct ControlHostTests {
    @Test func splitsHostAndPort() throws {
        let v4 = try #require(ControlHost("192.0.2.7:8080"))
        #expect(v4.authority == "192.0.2.7:8080")
        #expect(v4.hostname == "192.0.2.7")
        let v6 = try #require(ControlHost("[::1]:8080"))
        #expect(v6.hostname == "[::1]")
        #expect(ControlHost("camsim.local")?.hostname == "camsim.local")
    }

    @Test func refusesWhatCouldBreakAURL() {
        for bad in [nil, "", "evil/path:80", "a b", "x\"><script>", ":8080", String(repeating: "a", count: 300)] {
            #expect(ControlHost(bad) == nil, "\(bad ?? "nil")")
        }
    }
}
