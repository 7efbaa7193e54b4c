import ArgumentParser
import Composition
import Config
import Control
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
            With --shard I/N, serves only the configured cameras whose path hashes to shard I
            of N (`camsim shards` lists them); reloads keep to the same share.
            With --config, SIGHUP (and with --watch, any change to the file) reloads it:
            added cameras appear, removed ones end their sessions, changed ones restart,
            cameras whose faults alone changed take them live; the others are not touched.
            The control API and dashboard listen on 127.0.0.1:8080 unless --control says
            otherwise (HOST:PORT, or off); off loopback they need server.control_token or
            CAMSIM_CONTROL_TOKEN.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "With --config: also reload when the file changes.")
    var watch = false

    @Option(name: .long, help: ArgumentHelp(
        "Serve only shard I of N: the configured cameras whose path hashes to I (see `camsim shards`).",
        valueName: "I/N"))
    var shard: String?

    /// `--shard`, parsed (`validate()` has refused a malformed one).
    var servedShard: Shard? { shard.flatMap { try? Shard(parsing: $0) } }

    /// The line that lets a client pin the RTSPS certificate, in `openssl x509 -fingerprint -sha256` form.
    static func certificateBanner(_ certificate: TLSIdentity) -> String {
        let kind = certificate.isSelfSigned ? "self-signed" : "configured"
        return "RTSPS certificate (\(kind)) SHA-256 fingerprint: \(certificate.fingerprint)\n"
    }

    func validate() throws {
        if let level = options.logLevel, Logger.Level(rawValue: level) == nil {
            throw ValidationError("--log-level must be one of: trace, debug, info, notice, warning, error, critical")
        }
        if let shard {
            do throws(ShardError) {
                _ = try Shard(parsing: shard)
            } catch {
                throw ValidationError("--shard: \(error)")
            }
        }
    }

    func run() async throws {
        let config: CamsimConfig
        let configuredCameras: Int
        do throws(ConfigErrors) {
            let whole = try options.load()
            configuredCameras = whole.cameras.count
            config = try servedShard.map { shard throws(ConfigErrors) in try whole.sharded(shard) } ?? whole
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
        if let shard = servedShard {
            logger.info("serving shard \(shard): \(config.cameras.count) of \(configuredCameras) cameras")
        }
        let patterns = config.server.patternsDirectory.map { URL(fileURLWithPath: $0) }
        let library = SceneLibrary(directory: patterns ?? SceneLibrary.locateDefaultDirectory())
        let server: CamsimServer
        do {
            server = try CamsimServer(config: config, scenes: library, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        let control: ControlSettings?
        do {
            control = try ControlSettings.resolve(config.server)
        } catch {
            FileHandle.standardError.write(Data("camsim: \(error)\n".utf8))
            throw ExitCode(2)
        }
        try await server.start()
        if !config.users.isEmpty {
            // Names only: passwords never reach the log.
            logger.info("cameras ask for credentials", metadata: ["users": "\(config.users.map(\.name).joined(separator: ", "))"])
        }
        // One URL per line, main camera first, then the rtsps:// ones, written unbuffered by
        // StartupAnnouncement once SIGTERM is trapped. The certificate's fingerprint goes to stderr.
        if let certificate = server.tlsCertificate {
            FileHandle.standardError.write(Data(Self.certificateBanner(certificate).utf8))
        }
        let listing = (server.cameraURLs + server.secureCameraURLs).map { $0 + "\n" }.joined()

        let running = RunningConfiguration(server: server, config: config, scenes: library)
        var services: [any Service] = [server]
        var controlServer: ControlServer?
        if let control {
            var api = ControlAPI(server: server, running: running, scenes: library, logger: Logger(label: "camsim.control"))
            api.shard = servedShard
            controlServer = ControlServer(settings: control, api: api, logger: Logger(label: "camsim.control"))
            services.append(controlServer!)
        }
        if options.config != nil {
            services.append(ConfigReloader(
                options: options, shard: servedShard, running: running, logger: logger,
                watchFile: watch ? options.config : nil))
        }
        services.append(StartupAnnouncement(listing: listing, controlServer: controlServer))
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        do {
            try await group.run()
        } catch let error as ControlServerError {
            FileHandle.standardError.write(Data("camsim: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
