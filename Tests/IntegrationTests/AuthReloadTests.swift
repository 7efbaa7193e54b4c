import Foundation
import Testing

extension Integration {
    /// Users and camera modes from configuration YAML, and a reload that adds users.
    @Suite
    struct AuthReloadTests {
        static let camera = "    streams: [{name: main, size: 320x180, fps: 10}]\n"

        @Test
        func aReloadThatAddsUsersMakesCamerasAsk() async throws {
            let old = try ConfigServer.parse("cameras:\n  - path: cam\n" + Self.camera + "  - path: hik\n    auth: basic\n" + Self.camera)
            try await ConfigServer.with(old) { server in
                let client = try RawRTSPClient(port: server.port)
                #expect(try client.request("DESCRIBE", server.url(forPath: "cam")).status == 200)

                let new = try ConfigServer.parse(
                    "server:\n  auth: {realm: Lab}\nusers:\n  - {name: \(AuthRig.user), password: '\(AuthRig.password)'}\n"
                        + "cameras:\n  - path: cam\n" + Self.camera + "  - path: hik\n    auth: basic\n" + Self.camera)
                let summary = try await server.reload(from: old, to: new, scenes: TestServer.scenes())
                #expect(!summary.serverSettingsIgnored, "\(summary)")
                let digest = try client.request("DESCRIBE", server.url(forPath: "cam"))
                #expect(digest.status == 401 && AuthRig.challenges(digest).last?.hasPrefix("Digest realm=\"Lab\", nonce=\"") == true,
                        "\(digest)")
                let basic = try client.request("DESCRIBE", server.url(forPath: "hik"))
                #expect(AuthRig.challenges(basic) == ["Basic realm=\"Lab\""], "\(basic)")
                #expect(try client.request("DESCRIBE", server.url(forPath: "hik"), headers: [("Authorization", AuthRig.basic())]).status == 200)

                // And back: without users nothing is asked.
                _ = try await server.reload(from: new, to: old, scenes: TestServer.scenes())
                #expect(try client.request("DESCRIBE", server.url(forPath: "cam")).status == 200)
            }
        }
    }
}
