import Cameras
import Foundation
import Frames
import H264
import Server

/// Issue figure: session churn. Eight clients at a time run cycles of connect,
/// DESCRIBE, SETUP, PLAY, then TEARDOWN, or vanish with no TEARDOWN (a close or a
/// reset), TCP interleaved and UDP in turn. Afterwards the server's sessions, the process's file
/// descriptors and threads must be back at their baseline, and resident memory
/// must settle. The baseline for speed is a bare connection (connect, OPTIONS,
/// close) measured in the same run.
struct ChurnBenchmark {
    let scene: Scene
    /// Cycles of each kind: bare, teardown, vanish.
    let cycles: Int
    let clients = 8
    static let cameraCount = 2
    /// How long fds, threads and sessions may take to return after the last cycle.
    static let settleDeadlineSeconds = 30.0

    struct Run {
        var name: String
        var outcome: ClientThreads.Outcome
        var cpuSeconds: Double
        var cyclesPerSecond: Double { Double(outcome.completed) / max(outcome.seconds, 1e-9) }
        var cpuMillisecondsPerCycle: Double { cpuSeconds * 1000 / Double(max(1, outcome.completed)) }
    }

    struct Result {
        var runs: [Run]
        var baseline: ProcessResources
        var after: ProcessResources
        var sessionsAfter: Int
        var viewersAfter: Int
        /// Seconds after the last cycle until everything was back; nil if it never was.
        var settleSeconds: Double?
        var memoryBefore: Int
        var memoryPeak: Int
        var memoryAfter: Int
    }

    func cameras() -> [CameraDefinition] {
        let scene = self.scene
        return (1...Self.cameraCount).map { index in
            CameraDefinition(path: "churn-\(index)", streams: [
                StreamDefinition(
                    cameraName: "churn-\(index)",
                    encoder: EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 30),
                                             rateControl: .averageBitrate(kbps: 500)),
                    seed: UInt64(index),
                    makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
            ])
        }
    }

    func run() async throws -> Result {
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0), cameras: cameras())
        try await server.start()
        do {
            let result = try await measure(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    private func measure(_ server: CamsimServer) async throws -> Result {
        // Warm-up: encoders open, pools and caches filled, before the baseline is taken.
        _ = await churn(server, ending: .teardown, count: 4 * clients)
        _ = await churn(server, ending: .vanish, count: 4 * clients)
        guard await settled(server, baseline: nil) != nil else {
            throw BenchError.protocolError("sessions did not end after the warm-up")
        }
        await ProcessResources.openRuntimeTimers()
        let baseline = ProcessResources.read()
        let memoryBefore = ProcessMemory.read().resident
        ProcessMemory.resetPeak()

        var runs: [Run] = []
        let url = server.url(forPath: "churn-1")
        runs.append(await timed("bare connection (OPTIONS)") {
            await ClientThreads.run(count: clients, jobs: cycles, prepare: {}) { _, _ in
                try ChurnCycle.options(port: server.port, url: url)
            }
        })
        runs.append(await timed("TEARDOWN") { await churn(server, ending: .teardown, count: cycles) })
        runs.append(await timed("vanish (close or reset)") { await churn(server, ending: .vanish, count: cycles) })

        let settle = await settled(server, baseline: baseline)
        let memory = ProcessMemory.read()
        return Result(
            runs: runs, baseline: baseline, after: ProcessResources.read(),
            sessionsAfter: server.sessionCount, viewersAfter: activeViewers(server), settleSeconds: settle,
            memoryBefore: memoryBefore, memoryPeak: memory.peak, memoryAfter: memory.resident)
    }

    /// `count` cycles ending as told, TCP interleaved and UDP in turn, cameras in turn.
    private func churn(_ server: CamsimServer, ending: ChurnCycle.Ending, count: Int) async -> ClientThreads.Outcome {
        let port = server.port
        let urls = (1...Self.cameraCount).map { server.url(forPath: "churn-\($0)") }
        return await ClientThreads.run(count: clients, jobs: count, prepare: { try UDPPortPair() }, finish: { $0.close() }) { udp, number in
            // Every combination in turn: TCP or UDP, and for vanishing clients a close or a reset.
            let cycle = ChurnCycle(
                port: port, url: urls[(number / 4) % urls.count],
                transport: number % 2 == 0 ? .tcp : .udp, ending: ending, reset: (number / 2) % 2 == 0)
            try cycle.run(udp: udp)
        }
    }

    private func timed(_ name: String, _ body: () async -> ClientThreads.Outcome) async -> Run {
        let cpu = processCPUNanoseconds()
        let outcome = await body()
        return Run(name: name, outcome: outcome, cpuSeconds: Double(processCPUNanoseconds() - cpu) / 1e9)
    }

    private func activeViewers(_ server: CamsimServer) -> Int {
        (1...Self.cameraCount).reduce(0) { $0 + (server.stream(atPath: "churn-\($1)")?.counters.snapshot.activeViewers ?? 0) }
    }

    /// Seconds until no session or viewer is left and (with a baseline) the process is
    /// back to its fds and threads; nil if the deadline passes first.
    private func settled(_ server: CamsimServer, baseline: ProcessResources?) async -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < Self.settleDeadlineSeconds {
            if server.sessionCount == 0, activeViewers(server) == 0, baseline.map({ ProcessResources.read().isWithin($0) }) ?? true {
                return Date().timeIntervalSince(start)
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }
}
