import Server

extension TestServer {
    /// Like `with(cameras:)`, with the configuration adjusted by `configure` (short
    /// timeouts, a low connection cap); it still binds 127.0.0.1 and a free port.
    static func with<T>(
        cameras: [CameraDefinition],
        configure: (inout ServerConfiguration) -> Void,
        _ body: (CamsimServer) async throws -> T
    ) async throws -> T {
        var configuration = ServerConfiguration(bindHost: "127.0.0.1", port: 0)
        configure(&configuration)
        let server = CamsimServer(configuration: configuration, cameras: cameras)
        do {
            try await server.start()
        } catch {
            await server.shutdown()
            throw error
        }
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }
}
