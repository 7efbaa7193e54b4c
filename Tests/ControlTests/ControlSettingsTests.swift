import Config
@testable import Control
import Testing

struct ControlSettingsTests {
    private func server(_ address: String?, token: String? = nil) -> ServerSettings {
        ServerSettings(controlAddress: address, controlToken: token)
    }

    @Test func defaultsToLoopback8080WithoutAToken() throws {
        let settings = try ControlSettings.resolve(ServerSettings(), environment: [:])
        #expect(settings == ControlSettings(host: "127.0.0.1", port: 8080, token: nil))
    }

    @Test func offIsNoEndpoint() throws {
        #expect(try ControlSettings.resolve(server(nil), environment: [:]) == nil)
    }

    @Test(arguments: ["127.0.0.1:0", "127.8.9.10:80", "localhost:9000", "[::1]:8080"])
    func loopbackNeedsNoToken(address: String) throws {
        let settings = try #require(try ControlSettings.resolve(server(address), environment: [:]))
        #expect(settings.token == nil)
        #expect(!settings.host.hasPrefix("["))
    }

    @Test(arguments: ["0.0.0.0:8080", "192.168.1.4:8080", "[::]:8080", "camsim.example:80", "128.0.0.1:80"])
    func offLoopbackRefusesToStartWithoutAToken(address: String) {
        #expect(throws: ControlSettings.Problem.tokenRequired(address: address)) {
            try ControlSettings.resolve(server(address), environment: [:])
        }
        let message = ControlSettings.Problem.tokenRequired(address: address).description
        #expect(message.contains("control_token") && message.contains("CAMSIM_CONTROL_TOKEN"))
    }

    @Test func theConfigurationTokenWinsOverTheEnvironment() throws {
        let settings = try ControlSettings.resolve(
            server("0.0.0.0:8080", token: "from-file"), environment: [ControlSettings.tokenVariable: "from-env"])
        #expect(settings?.token == "from-file")
    }

    @Test func theEnvironmentSuppliesATokenOffLoopback() throws {
        let settings = try ControlSettings.resolve(server("0.0.0.0:8080"), environment: [ControlSettings.tokenVariable: "abc"])
        #expect(settings == ControlSettings(host: "0.0.0.0", port: 8080, token: "abc"))
    }

    @Test func anEnvironmentTokenWithSpacesIsRefused() {
        #expect(throws: ControlSettings.Problem.self) {
            try ControlSettings.resolve(server("0.0.0.0:8080"), environment: [ControlSettings.tokenVariable: "a b"])
        }
    }
}
