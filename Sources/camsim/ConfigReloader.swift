import Composition
import Config
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration file on SIGHUP, and with `--watch` whenever the file
/// changes, and applies the difference to the running server. A file with problems
/// is reported and changes nothing.
struct ConfigReloader: Service {
    let options: ConfigOptions
    /// The share of each reloaded configuration this process serves (`--shard`); nil: all of it.
    let shard: Shard?
    /// The server and the configuration in force; reloads are applied one at a time.
    let running: RunningConfiguration
    let logger: Logger
    let watchFile: String?

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let signals = await UnixSignalsSequence(trapping: .sighup)
                for await _ in signals.cancelOnGracefulShutdown() {
                    await reload(reason: "SIGHUP")
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
                            await reload(reason: "file changed")
                        }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func reload(reason: String) async {
        do {
            let summary = try await running.apply(reason: reason) { [shard] in try options.load(shard: shard) }
            logger.info("configuration reloaded (\(reason)): \(summary)")
        } catch {
            logger.error("configuration not reloaded (\(reason)): \(error)")
        }
    }

    private static func modificationDate(of path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
