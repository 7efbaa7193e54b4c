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
            With --tls-port (or server.tls in the file), also serves RTSPS; without a
            certificate and key it makes a self-signed one and prints its fingerprint.
            With --config, SIGHUP (and with --watch, any change to the file) reloads it:
            added cameras appear, removed ones end their sessions, changed ones restart,
            cameras whose faults alone changed take them live; the others are not touched.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "With --config: also reload when the file changes.")
    var watch = false

    /// The line that lets a client pin the RTSPS certificate, in `openssl x509 -fingerprint -sha256` form.
    static func certificateBanner(_ certificate: TLSIdentity) -> String {
        let kind = certificate.isSelfSigned ? "self-signed" : "configured"
        return "RTSPS certificate (\(kind)) SHA-256 fingerprint: \(certificate.fingerprint)\n"
    }

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
        // One URL per line, main camera first, then the rtsps:// ones; unbuffered so
        // scripts see them at once. The certificate's fingerprint goes to stderr.
        if let certificate = server.tlsCertificate {
            FileHandle.standardError.write(Data(Self.certificateBanner(certificate).utf8))
        }
        let listing = (server.cameraURLs + server.secureCameraURLs).map { $0 + "\n" }.joined()
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
