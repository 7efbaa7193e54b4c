import Cameras
import Foundation
import Server

/// Many cameras, one viewer each held by `camsim-load` in a process of its own, stepped
/// up a count at a time (a fresh server and load each) until a step is no longer real
/// time: the figure of a stream mode at scale. The cameras are at `cam-1` … `cam-N`.
struct LoadedScaleSteps {
    let counts: [Int]
    let fps: Int
    /// From the last viewer playing to the window: time for the joins' IDRs to drain.
    let warmupSeconds: Double
    let windowSeconds: Double
    /// The cameras of one step: `count` of them at `cam-1` … `cam-<count>`.
    let cameras: @Sendable (_ count: Int) -> [CameraDefinition]

    /// Viewers per loopback source address, so a per-address cap is not what is measured.
    static let viewersPerSource = 100
    /// Viewers being set up at once.
    static let joiningAtOnce = 128
    /// The share of the window's frames every viewer must receive.
    static let realTimeFraction = 0.95

    struct Step {
        var cameras: Int
        var result: LoadProcess.Line?
        var failures: [String]
        /// The server's CPU over the window, in percent of one core.
        var serverCPUPercent: Double
        var framesSkipped: Int
        var framesEncoded: Int
        /// Shared encoders open at the end of the window (`mode: shared`; 0 for live cameras).
        var sharedEncoders: Int

        /// The fewest frames a viewer received, as a share of the window's frame slots.
        var worstViewerFraction: Double {
            guard let result else { return 0 }
            return Double(result.int("min_frames")) / result.double("expected_frames")
        }

        /// Every viewer plays to the end and gets at least 95 % of its frames.
        var isRealTime: Bool {
            guard let result else { return false }
            return result.int("playing") == cameras && result.int("closed") == 0
                && worstViewerFraction >= LoadedScaleSteps.realTimeFraction
        }
    }

    /// Runs the steps in order, reporting each, and stops after the first that is not real time.
    func run(_ report: (Step) -> Void) async throws -> [Step] {
        ProcessResources.raiseFileLimit()
        var done: [Step] = []
        for count in counts {
            let step = try await step(count)
            report(step)
            done.append(step)
            guard step.isRealTime else { break }
        }
        return done
    }

    /// The largest count that was real time, and its step.
    static func best(of steps: [Step]) -> Step? { steps.last { $0.isRealTime } }

    func step(_ count: Int) async throws -> Step {
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, sessionTimeoutSeconds: 3600),
            cameras: cameras(count))
        try await server.start()
        let paths = (1...count).flatMap { ["--path", "cam-\($0)"] }
        let load = try LoadProcess([
            "play", "--port", "\(server.port)", "--sessions", "\(count)", "--fps", "\(fps)",
            "--sources", "\(max(1, (count + Self.viewersPerSource - 1) / Self.viewersPerSource))",
            "--in-flight", "\(Self.joiningAtOnce)", "--warmup", "\(warmupSeconds)", "--window", "\(windowSeconds)",
            "--start-timeout", "90",
        ] + paths)
        var cpu = 0.0
        var skipped = 0
        var encoded = 0
        var sharedEncoders = 0
        var result: LoadProcess.Line?
        if await load.line("ready", timeoutSeconds: 120) != nil,
           await load.line("window", timeoutSeconds: warmupSeconds + 30) != nil {
            let startCPU = processCPUNanoseconds()
            let startCounters = counters(server, count)
            let start = Date()
            result = await load.line("result", timeoutSeconds: windowSeconds + 30)
            cpu = Double(processCPUNanoseconds() - startCPU) / 1e9 / Date().timeIntervalSince(start)
            let endCounters = counters(server, count)
            skipped = endCounters.skipped - startCounters.skipped
            encoded = endCounters.encoded - startCounters.encoded
            sharedEncoders = SharedEncoders.process.openEncoders
        }
        await load.finish()
        await server.shutdown()
        return Step(
            cameras: count, result: result, failures: load.failures, serverCPUPercent: cpu * 100,
            framesSkipped: skipped, framesEncoded: encoded, sharedEncoders: sharedEncoders)
    }

    /// Frame slots skipped and access units sent, over every camera.
    private func counters(_ server: CamsimServer, _ count: Int) -> (skipped: Int, encoded: Int) {
        (1...count).reduce((0, 0)) { sum, index in
            let snapshot = server.stream(atPath: "cam-\(index)")?.counters.snapshot
            return (sum.0 + (snapshot?.framesSkipped ?? 0), sum.1 + (snapshot?.framesEncoded ?? 0))
        }
    }
}
