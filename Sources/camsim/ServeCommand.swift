import ArgumentParser
import Composition
import Config
import Foundation
import Frames
import Logging
import Server
import ServiceLifecycle

/// `camsim serve`: start the cameras and print their URLs, main camera first.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve virtual cameras over RTSP.",
        discussion: """
            With no options, serves the embedded default cameras on 0.0.0.0:8554.
            With --config, SIGHUP (and with --watch, any change to the file) reloads it:
            added cameras appear, removed ones end their sessions, changed ones restart,
            cameras whose faults alone changed take them live; the others are not touched.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "With --config: also reload when the file changes.")
    var watch = false

    func validate() throws {
        if let level = options.logLevel, Logger.Level(rawValue: level) == nil {
            throw ValidationError("--log-level must be one of: trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        let config: CamsimConfig
        do {
            config = try options.load()
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        let level = Logger.Level(rawValue: config.server.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "camsim")
        let patterns = config.server.patternsDirectory.map { URL(fileURLWithPath: $0) }
        let library = SceneLibrary(directory: patterns ?? SceneLibrary.locateDefaultDirectory())
        let server: CamsimServer
        do {
            server = try CamsimServer(config: config, scenes: library, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        try await server.start()
        if !config.users.isEmpty {
            // Names only: passwords never reach the log.
            logger.info("cameras ask for credentials", metadata: ["users": "\(config.users.map(\.name).joined(separator: ", "))"])
        }
        // One URL per line, main camera first; unbuffered so scripts see them at once.
        let listing = server.cameraURLs.map { $0 + "\n" }.joined()
        FileHandle.standardOutput.write(Data(listing.utf8))

        var services: [any Service] = [server]
        if options.config != nil {
            services.append(ConfigReloader(
                options: options, running: RunningConfiguration(server: server, config: config, scenes: library),
                logger: logger, watchFile: watch ? options.config : nil))
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
