import Testing
@testable import Config

/// The `server:` keys that bound connections: header and idle timeouts, and the cap per address.
@Suite struct ConnectionLimitsSettingsTests {
    @Test func defaultsWhenNotSet() throws {
        let server = try parse("server:\n  port: 9554\n").server
        #expect(server.headerTimeoutSeconds == 10)
        #expect(server.idleTimeoutSeconds == 60)
        #expect(server.maxConnectionsPerAddress == 4096)
    }

    @Test func keysAreRead() throws {
        let server = try parse("""
            server:
              header_timeout: 5
              idle_timeout: 0
              max_connections_per_address: 20000
            """).server
        #expect(server.headerTimeoutSeconds == 5)
        #expect(server.idleTimeoutSeconds == 0)
        #expect(server.maxConnectionsPerAddress == 20000)
    }

    @Test(arguments: [
        ("header_timeout: -1", "header_timeout must be between 0"),
        ("header_timeout: 3601", "header_timeout must be between 0"),
        ("idle_timeout: 86401", "idle_timeout must be between 0"),
        ("max_connections_per_address: -5", "max_connections_per_address must be between 0"),
    ])
    func outOfRangeValuesAreProblems(line: String, message: String) {
        let found = problems("server:\n  \(line)\n")
        #expect(found.count == 1)
        #expect(found.first.map { "\($0)".contains(message) } == true, "\(found)")
    }
}
