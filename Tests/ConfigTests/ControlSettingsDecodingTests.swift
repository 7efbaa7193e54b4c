import Testing
@testable import Config

/// `server.control` and `server.control_token`, and `--control`.
@Suite struct ControlSettingsDecodingTests {
    @Test func theControlEndpointDefaultsToLoopback8080() throws {
        let server = try ConfigLoader().parse(yaml: "server:\n  port: 9554\n", file: "t.yaml").server
        #expect(server.controlAddress == "127.0.0.1:8080")
        #expect(server.controlToken == nil)
    }

    @Test(arguments: ["off", "OFF", "\"off\""])
    func offTurnsItOff(value: String) throws {
        let server = try ConfigLoader().parse(yaml: "server:\n  control: \(value)\n", file: "t.yaml").server
        #expect(server.controlAddress == nil)
    }

    @Test func aTokenIsRead() throws {
        let server = try ConfigLoader().parse(
            yaml: "server:\n  control: 0.0.0.0:8080\n  control_token: abc-123\n", file: "t.yaml").server
        #expect(server.controlAddress == "0.0.0.0:8080")
        #expect(server.controlToken == "abc-123")
    }

    @Test(arguments: [
        ("control_token: \"\"", "must not be empty"),
        ("control_token: \"a b\"", "visible ASCII"),
    ])
    func badTokensAreProblemsNamingTheKey(line: String, message: String) {
        #expect {
            _ = try ConfigLoader().parse(yaml: "server:\n  \(line)\n", file: "t.yaml")
        } throws: { error in
            let problems = (error as? ConfigErrors)?.problems ?? []
            return problems.count == 1 && problems[0].keyPath == "server.control_token"
                && problems[0].message.contains(message)
        }
    }

    @Test func theCommandLineTurnsItOff() throws {
        let config = try ConfigOverrides(controlAddress: "off").apply(to: CamsimConfig())
        #expect(config.server.controlAddress == nil)
    }
}
