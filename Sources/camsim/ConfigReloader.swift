import Config
import Frames
import Logging
import Server
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration file on SIGHUP and applies the difference to the
/// running server. A file with problems is reported and changes nothing.
struct ConfigReloader: Service {
    let options: ConfigOptions
    let server: CamsimServer
    let scenes: SceneLibrary
    let logger: Logger

    func run() async throws {
        var current = try options.load()
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            do {
                let next = try options.load()
                let summary = try await server.reload(from: current, to: next, scenes: scenes)
                current = next
                logger.info("configuration reloaded: \(summary)")
            } catch {
                logger.error("configuration not reloaded: \(error)")
            }
        }
    }
}
