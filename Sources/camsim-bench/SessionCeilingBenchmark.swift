import Cameras
import Foundation
import Frames
import H264
import Server

/// Issue figure: how many concurrent TCP-interleaved sessions over four 320x240@15
/// cameras the server carries with every session getting every frame. The load is
/// `camsim-load`, a process of its own; the server runs here. Sessions ramp up step
/// by step, a fresh server and load each, until a step fails.
struct SessionCeilingBenchmark {
    let scene: Scene
    let steps: [Int]
    /// From the last session playing to the window: time for the joins' IDR bursts,
    /// which every viewer of the camera received, to drain.
    let warmupSeconds: Double
    let windowSeconds: Double
    static let cameraCount = 4
    static let fps = 15
    static let kbps = 2000
    /// Sessions per loopback source address, so a per-address cap is not what is measured.
    static let sessionsPerSource = 100
    /// Sessions being set up at once. Every PLAY asks for an IDR that all of the camera's
    /// viewers receive, so joins in large waves cost fewer IDRs than a trickle.
    static let joiningAtOnce = 256
    /// A session this many frames behind its camera's newest at the end is not real time.
    static let lagLimitFrames = 2.0
    /// The share of the window's frame slots every session must receive. Frames the
    /// camera never sent (slots skipped when the machine is short of CPU) reach nobody;
    /// any frame it did send must reach every session, which the sequence check shows.
    static let realTimeFraction = 0.95

    struct Step {
        var sessions: Int
        var result: LoadProcess.Line?
        var failures: [String]
        var setupSeconds: Double
        var serverCPUPercent: Double
        var framesSkipped: Int
        var framesEncoded: Int

        var passed: Bool {
            guard let result else { return false }
            return result.int("playing") == sessions && result.int("closed") == 0
                && result.int("lost_packets") == 0 && result.double("max_lag_frames") <= lagLimitFrames
                && Double(result.int("min_frames")) >= realTimeFraction * result.double("expected_frames")
        }
    }

    func cameras() -> [CameraDefinition] {
        let scene = self.scene
        return (1...Self.cameraCount).map { index in
            CameraDefinition(path: "load-\(index)", streams: [
                StreamDefinition(
                    cameraName: "load-\(index)",
                    encoder: EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: Self.fps),
                                             rateControl: .averageBitrate(kbps: Self.kbps)),
                    seed: UInt64(index),
                    makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
            ])
        }
    }

    /// Runs the steps in order and stops after the first that fails.
    func run(_ report: (Step) -> Void) async throws -> [Step] {
        ProcessResources.raiseFileLimit()
        var done: [Step] = []
        for sessions in steps {
            let step = try await step(sessions)
            report(step)
            done.append(step)
            guard step.passed else { break }
        }
        return done
    }

    func step(_ sessions: Int) async throws -> Step {
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, sessionTimeoutSeconds: 3600),
            cameras: cameras())
        try await server.start()
        let paths = (1...Self.cameraCount).flatMap { ["--path", "load-\($0)"] }
        let load = try LoadProcess([
            "play", "--port", "\(server.port)", "--sessions", "\(sessions)", "--fps", "\(Self.fps)",
            "--sources", "\(max(1, (sessions + Self.sessionsPerSource - 1) / Self.sessionsPerSource))",
            "--in-flight", "\(Self.joiningAtOnce)", "--warmup", "\(warmupSeconds)", "--window", "\(windowSeconds)", "--start-timeout", "90",
        ] + paths)
        let ready = await load.line("ready", timeoutSeconds: 120)
        var cpu = 0.0
        var skipped = 0
        var encoded = 0
        var result: LoadProcess.Line?
        if ready != nil, await load.line("window", timeoutSeconds: warmupSeconds + 30) != nil {
            let startCPU = processCPUNanoseconds()
            let startCounters = counters(server)
            let start = Date()
            result = await load.line("result", timeoutSeconds: windowSeconds + 30)
            cpu = Double(processCPUNanoseconds() - startCPU) / 1e9 / Date().timeIntervalSince(start)
            let endCounters = counters(server)
            skipped = endCounters.skipped - startCounters.skipped
            encoded = endCounters.encoded - startCounters.encoded
        }
        await load.finish()
        await server.shutdown()
        return Step(
            sessions: sessions, result: result, failures: load.failures,
            setupSeconds: ready?.double("seconds") ?? .nan, serverCPUPercent: cpu * 100,
            framesSkipped: skipped, framesEncoded: encoded)
    }

    private func counters(_ server: CamsimServer) -> (skipped: Int, encoded: Int) {
        (1...Self.cameraCount).reduce((0, 0)) { sum, index in
            let snapshot = server.stream(atPath: "load-\(index)")?.counters.snapshot
            return (sum.0 + (snapshot?.framesSkipped ?? 0), sum.1 + (snapshot?.framesEncoded ?? 0))
        }
    }
}
