import Composition
import Config
import Foundation
import Server

/// Runs a server built from configuration YAML, like `camsim serve --config`, on
/// 127.0.0.1 with a free port.
enum ConfigServer {
    /// Parses `yaml` (problems are reported against `test.yaml`).
    static func parse(_ yaml: String) throws -> CamsimConfig {
        try ConfigLoader().parse(yaml: yaml, file: "test.yaml")
    }

    /// Starts a server for `config`, runs `body`, and shuts the server down whatever happens.
    static func with<T>(_ config: CamsimConfig, _ body: (CamsimServer) async throws -> T) async throws -> T {
        let server = try CamsimServer(config: config, scenes: TestServer.scenes())
        do {
            try await server.start()
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }
}
