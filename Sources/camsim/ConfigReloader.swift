import Composition
import Config
import Foundation
import Frames
import Logging
import Server
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration file on SIGHUP, and with `--watch` whenever the file
/// changes, and applies the difference to the running server. A file with problems
/// is reported and changes nothing.
struct ConfigReloader: Service {
    let options: ConfigOptions
    /// The configuration the server was started with: the first reload is diffed against it.
    let running: CamsimConfig
    let server: CamsimServer
    let scenes: SceneLibrary
    let logger: Logger
    let watchFile: String?

    /// The configuration in force; reloads are applied one at a time.
    private actor Current {
        var config: CamsimConfig
        init(_ config: CamsimConfig) { self.config = config }

        func reload(_ reloader: ConfigReloader, reason: String) async {
            do {
                let next = try reloader.options.load()
                let summary = try await reloader.server.reload(from: config, to: next, scenes: reloader.scenes)
                config = next
                reloader.logger.info("configuration reloaded (\(reason)): \(summary)")
            } catch {
                reloader.logger.error("configuration not reloaded (\(reason)): \(error)")
            }
        }
    }

    func run() async throws {
        let current = Current(running)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let signals = await UnixSignalsSequence(trapping: .sighup)
                for await _ in signals.cancelOnGracefulShutdown() {
                    await current.reload(self, reason: "SIGHUP")
                }
            }
            if let watchFile {
                group.addTask {
                    var stamp = Self.modificationDate(of: watchFile)
                    while !Task.isCancelled && !Task.isShuttingDownGracefully {
                        try? await Task.sleep(for: .seconds(1))
                        let latest = Self.modificationDate(of: watchFile)
                        if latest != stamp {
                            stamp = latest
                            await current.reload(self, reason: "file changed")
                        }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private static func modificationDate(of path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
