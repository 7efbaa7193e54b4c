import ArgumentParser
import Config
import Faults
import Foundation

/// The options that build a configuration: a file, and command-line values that
/// override it (or stand alone: `--cameras 50 --scene motion --size 640x360`).
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "YAML configuration file (see Configs/).")
    var config: String?

    @Option(name: .long, help: "RTSP port (default 8554).")
    var port: Int?

    @Option(name: .long, help: "Address to bind (default 0.0.0.0).")
    var bind: String?

    @Option(name: .long, help: "Serve RTSPS (RTSP over TLS) on this port too (camsim's usual one: 8322).")
    var tlsPort: Int?

    @Option(name: .long, help: "Control API and dashboard address, HOST:PORT, or off (default 127.0.0.1:8080).")
    var control: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    @Option(name: .long, help: "Largest IP datagram of RTP in bytes, IP and UDP headers included (default 1400).")
    var mtu: Int?

    @Option(name: .long, help: "Serve N cameras cam-01 ... cam-NN instead of the file's.")
    var cameras: Int?

    @Option(name: .long, help: "Scene for every camera: a name from Patterns/ or a file path.")
    var scene: String?

    @Option(name: .long, help: "Main stream size, WxH (e.g. 640x360).")
    var size: String?

    @Option(name: .long, help: "Main stream frame rate.")
    var fps: Double?

    @Option(name: .long, help: "Main stream bitrate: 2000k, 2M or bits per second.")
    var bitrate: String?

    @Option(name: .long, help: "Main stream constant rate factor (0-51) instead of a bitrate.")
    var crf: Double?

    @Option(name: .long, help: "Main stream keyframe interval in frames.")
    var gop: Int?

    @Option(name: .long, help: "Main stream H.264 profile: baseline, main or high.")
    var profile: String?

    @Option(name: .long, help: "Main stream x264 preset (default ultrafast).")
    var preset: String?

    @Option(name: .long, help: "Every stream's mode: live (encoded per camera), shared (one encoder per identical picture) or loop (encoded once, replayed from memory).")
    var mode: String?

    @Option(name: .long, help: "Seed for SSRCs, sequence numbers and noise; camera k gets seed+k.")
    var seed: UInt64?

    @Flag(name: .long, help: "Encode even when nobody watches.")
    var alwaysOn = false

    @Option(name: .long, help: "Directory of scene files (default: ./Patterns or next to the executable).")
    var patterns: String?

    @Option(name: .long, help: ArgumentHelp(
        "A user NAME:PASSWORD who may watch every camera (repeatable); cameras then ask for credentials.",
        valueName: "name:password"))
    var user: [String] = []

    func validate() throws {
        for entry in user {
            guard let colon = entry.firstIndex(of: ":"), colon != entry.startIndex, entry.index(after: colon) != entry.endIndex
            else {
                // The value is left out: it may hold a password.
                throw ValidationError("--user must look like NAME:PASSWORD, with neither part empty")
            }
        }
        if let size, parseSize(size) == nil { throw ValidationError("--size must look like 640x360") }
        if let bitrate, Bitrate.kbps(from: bitrate) == nil { throw ValidationError("--bitrate must look like 2000k, 2M or 2000000") }
        if let mode, StreamMode(rawValue: mode.lowercased()) == nil {
            throw ValidationError("--mode must be live, shared or loop")
        }
        if let profile, H264Profile(rawValue: profile.lowercased()) == nil {
            throw ValidationError("--profile must be baseline, main or high")
        }
    }

    var overrides: ConfigOverrides {
        let dimensions = size.flatMap(parseSize)
        return ConfigOverrides(
            port: port, bind: bind, logLevel: logLevel, mtu: mtu, controlAddress: control, patternsDirectory: patterns,
            cameraCount: cameras, scene: scene, onDemand: alwaysOn ? false : nil, seed: seed,
            width: dimensions?.width, height: dimensions?.height, fps: fps,
            bitrateKbps: bitrate.flatMap(Bitrate.kbps(from:)), crf: crf, gop: gop,
            profile: profile.flatMap { H264Profile(rawValue: $0.lowercased()) }, preset: preset,
            tlsPort: tlsPort, mode: mode.flatMap { StreamMode(rawValue: $0.lowercased()) }
        )
    }

    /// The file (or the embedded default) with the command-line values applied.
    func load() throws(ConfigErrors) -> CamsimConfig {
        let base: CamsimConfig
        if let config {
            base = try ConfigLoader(knownFaultProfiles: Set(FaultPresets.names)).load(file: URL(fileURLWithPath: config))
        } else {
            base = .embeddedDefault
        }
        var config = try overrides.apply(to: base)
        config.addUsers(commandLineUsers)
        return config
    }

    /// `--user NAME:PASSWORD` entries; the password may itself contain colons.
    var commandLineUsers: [UserConfig] {
        user.compactMap { entry in
            guard let colon = entry.firstIndex(of: ":") else { return nil }
            return UserConfig(name: String(entry[..<colon]), password: Secret(String(entry[entry.index(after: colon)...])))
        }
    }

    private func parseSize(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else { return nil }
        return (width, height)
    }
}
