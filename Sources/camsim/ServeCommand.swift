import ArgumentParser
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
        discussion: "With no options, serves the embedded default cameras on 0.0.0.0:8554."
    )

    @Option(name: .long, help: "RTSP port (default 8554).")
    var port: Int?

    @Option(name: .long, help: "Address to bind (default 0.0.0.0).")
    var bind: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    @Option(name: .long, help: "Directory of scene files (default: ./Patterns or next to the executable).")
    var patterns: String?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0-65535") }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of: trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        var config = CamsimConfig.embeddedDefault
        config = try ConfigOverrides(port: port, bind: bind, logLevel: logLevel).apply(to: config)
        let level = Logger.Level(rawValue: config.server.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "camsim")
        let library = SceneLibrary(directory: patterns.map { URL(fileURLWithPath: $0) } ?? SceneLibrary.locateDefaultDirectory())
        let server = try CamsimServer(config: config, scenes: library, logger: logger)
        try await server.start()
        // One URL per line, main camera first; unbuffered so scripts see them at once.
        let listing = server.cameraURLs.map { $0 + "\n" }.joined()
        FileHandle.standardOutput.write(Data(listing.utf8))
        let group = ServiceGroup(
            configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
