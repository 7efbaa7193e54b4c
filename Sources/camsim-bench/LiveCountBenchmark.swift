import Cameras
import Composition
import Config
import Foundation
import Frames
import Logging
import Server

/// Issue figure: how many live 1280x720@30 cameras (`smpte-clock`, 2000 kbit/s, each
/// encoding for itself) this machine serves in real time, one TCP-interleaved viewer
/// each from `camsim-load` in a process of its own; real time is every viewer getting
/// at least 95 % of the window's frames. Cameras ramp up step by step, a fresh server
/// and load each, until a step fails. With an audio track on every camera, each viewer
/// sets that up too and must get 95 % of its packets.
struct LiveCountBenchmark {
    let library: SceneLibrary
    let warmupSeconds: Double
    let windowSeconds: Double
    static let fps = 30
    static let realTimeFraction = 0.95

    /// The audio track every camera carries, if any (`audio:` in the configuration).
    enum Audio: String, CaseIterable {
        case none, g711, aac

        var config: AudioConfig? {
            switch self {
            case .none: nil
            case .g711: AudioConfig(codec: .pcmu, rate: 8000)
            case .aac: AudioConfig(codec: .aac, rate: 48_000)
            }
        }

        /// RTP packets a second: 20 ms G.711 packets; one AAC unit of 1024 samples each.
        var packetsPerSecond: Double {
            switch self {
            case .none: 0
            case .g711: 50
            case .aac: 48_000 / 1024
            }
        }

        var label: String {
            switch self {
            case .none: "video only"
            case .g711: "G.711 8 kHz track"
            case .aac: "AAC-LC 48 kHz track"
            }
        }
    }

    struct Step {
        var cameras: Int
        var audio: Audio
        var result: LoadProcess.Line?
        var failures: [String]
        var serverCPUPercent: Double
        var framesEncoded: Int
        var framesSkipped: Int

        var worstFraction: Double {
            guard let result else { return 0 }
            return Double(result.int("min_frames")) / result.double("expected_frames")
        }

        var worstAudioFraction: Double {
            guard let result, audio != .none else { return 1 }
            return Double(result.int("min_audio_packets")) / (audio.packetsPerSecond * result.double("window_s"))
        }

        /// Server CPU per encoded frame, in milliseconds (the viewers' process is not counted).
        var cpuMillisecondsPerFrame: Double {
            guard let result else { return .nan }
            return serverCPUPercent / 100 * result.double("window_s") * 1000 / Double(max(1, framesEncoded))
        }

        var passed: Bool {
            guard let result else { return false }
            return result.int("playing") == cameras && result.int("closed") == 0
                && worstFraction >= realTimeFraction && worstAudioFraction >= realTimeFraction
        }
    }

    func config(_ count: Int, audio: Audio) -> CamsimConfig {
        var config = CamsimConfig(cameras: (1...count).map { index in
            CameraConfig(
                path: "live-\(index)", scene: .named("smpte-clock"), streams: [StreamConfig()],
                idleStopSeconds: 0, seed: UInt64(index), audio: audio.config)
        })
        config.server.bind = "127.0.0.1"
        config.server.port = 0
        return config
    }

    /// Runs `steps` in order and stops after the first that fails; returns every step
    /// run and the largest count that passed (0 if none did).
    func ceiling(_ steps: [Int], audio: Audio, report: (Step) -> Void) async throws -> (best: Int, steps: [Step]) {
        var done: [Step] = []
        var best = 0
        for count in steps {
            let step = try await step(count, audio: audio)
            report(step)
            done.append(step)
            guard step.passed else { break }
            best = count
        }
        return (best, done)
    }

    func step(_ count: Int, audio: Audio) async throws -> Step {
        let server = try CamsimServer(
            config: config(count, audio: audio), scenes: library,
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await server.start()
        let paths = (1...count).flatMap { ["--path", "live-\($0)"] }
        let load = try LoadProcess([
            "play", "--port", "\(server.port)", "--sessions", "\(count)", "--fps", "\(Self.fps)",
            "--warmup", "\(warmupSeconds)", "--window", "\(windowSeconds)", "--start-timeout", "60",
        ] + (audio == .none ? [] : ["--audio"]) + paths)
        var cpu = 0.0
        var encoded = 0, skipped = 0
        var result: LoadProcess.Line?
        if await load.line("ready", timeoutSeconds: 90) != nil,
           await load.line("window", timeoutSeconds: warmupSeconds + 30) != nil {
            let startCPU = processCPUNanoseconds()
            let before = counters(server, count)
            let start = Date()
            result = await load.line("result", timeoutSeconds: windowSeconds + 30)
            cpu = Double(processCPUNanoseconds() - startCPU) / 1e9 / Date().timeIntervalSince(start)
            let after = counters(server, count)
            encoded = after.encoded - before.encoded
            skipped = after.skipped - before.skipped
        }
        await load.finish()
        await server.shutdown()
        return Step(
            cameras: count, audio: audio, result: result, failures: load.failures, serverCPUPercent: cpu * 100,
            framesEncoded: encoded, framesSkipped: skipped)
    }

    private func counters(_ server: CamsimServer, _ count: Int) -> (encoded: Int, skipped: Int) {
        (1...count).reduce((0, 0)) { sum, index in
            let snapshot = server.stream(atPath: "live-\(index)")?.counters.snapshot
            return (sum.0 + (snapshot?.framesEncoded ?? 0), sum.1 + (snapshot?.framesSkipped ?? 0))
        }
    }
}
