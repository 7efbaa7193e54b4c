import Cameras
import Foundation
import Frames
import H264
import Server

/// Issue figures for `mode: loop`: how many loop 640x360@15 cameras, one viewer each in
/// a separate process (`camsim-load play`), this machine serves with every viewer getting
/// at least 95 % of its frames; the server's CPU in cores and its memory per playing
/// camera beyond the shared loop; and a spot check of 100 cameras with ffmpeg.
struct LoopBenchmark {
    let scene: Scene
    var counts: [Int]
    let windowSeconds: Double
    let warmupSeconds: Double

    static let fps = 15
    static let sessionsPerSource = 100
    static let joiningAtOnce = 128

    struct Step: Codable {
        var cameras: Int
        var playing: Int
        var worstFraction: Double
        var lostPackets: Int
        var skipped: Int
        var serverCores: Double
        /// Server CPU per frame sent, in microseconds (what starvation by other load does not change).
        var cpuMicrosecondsPerFrame: Double
        var memoryPerCameraBytes: Double
        var loopBytes: Int
        var loopRecordings: Int
        var failures: [String]
        /// The machine's 1-minute load average at the end of the window (other processes' load included).
        var loadAverage: Double
        var passed: Bool { playing == cameras && worstFraction >= 0.95 && failures.isEmpty }
    }

    /// Loop cameras `cam-1` … sharing one 10 s loop (the scene draws `cam-#`).
    func cameras(_ count: Int) -> [CameraDefinition] {
        let scene = self.scene
        return (1...count).map { index in
            var stream = StreamDefinition(
                cameraName: "cam-\(index)",
                encoder: EncoderSettings(
                    width: 640, height: 360, frameRate: FrameRate(numerator: Self.fps),
                    rateControl: .averageBitrate(kbps: 600), gop: Self.fps),
                idleStopDelayNanoseconds: 5_000_000_000, seed: UInt64(index),
                makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
            stream.playAsLoop(
                seconds: 10, scene: "bench#\(scene.name)", codec: "h264",
                cameraText: scene.drawsCameraName ? LoopSettings.cameraText(for: "cam-\(index)") : nil,
                drawsWithSeed: scene.drawsWithSeed)
            return CameraDefinition(path: "cam-\(index)", streams: [stream])
        }
    }

    /// Runs the steps in order, each in a fresh process, and stops after the first that fails.
    func run(quick: Bool, _ report: (Step) -> Void) async throws -> [Step] {
        ProcessResources.raiseFileLimit()
        var done: [Step] = []
        for count in counts {
            let step = try await Self.freshStep(count, quick: quick)
            report(step)
            done.append(step)
            guard step.passed else { break }
        }
        return done
    }

    /// One step in this process. Run it in a fresh process (`LoopBenchmark.freshStep`) for a
    /// clean memory figure: the loop is recorded, and its encoder closed, before the baseline
    /// reading, and held through the step, so the growth of resident memory over the step is
    /// what the playing cameras add beyond the shared loop.
    func step(_ count: Int) async throws -> Step {
        let recordingsBefore = LoopLibrary.shared.recordingCount { _ in true }
        let held = try LoopMediaSource.open(cameras(1)[0].streams[0])
        defer { held.close() }
        let before = ProcessMemory.read()
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, sessionTimeoutSeconds: 3600),
            cameras: cameras(count))
        try await server.start()
        let paths = (1...count).flatMap { ["--path", "cam-\($0)"] }
        let load = try LoadProcess([
            "play", "--port", "\(server.port)", "--sessions", "\(count)", "--fps", "\(Self.fps)",
            "--sources", "\(max(1, (count + Self.sessionsPerSource - 1) / Self.sessionsPerSource))",
            "--in-flight", "\(Self.joiningAtOnce)", "--warmup", "\(warmupSeconds)", "--window", "\(windowSeconds)",
            "--start-timeout", "90",
        ] + paths)
        let ready = await load.line("ready", timeoutSeconds: 120)
        var cores = 0.0
        var skipped = 0
        var perFrame = Double.nan
        var memory = before
        var result: LoadProcess.Line?
        if ready != nil, await load.line("window", timeoutSeconds: warmupSeconds + 30) != nil {
            let startCPU = processCPUNanoseconds()
            let startSkipped = self.skipped(server, count)
            let startSent = sent(server, count)
            let start = Date()
            memory = ProcessMemory.read()
            result = await load.line("result", timeoutSeconds: windowSeconds + 30)
            let cpu = processCPUNanoseconds() - startCPU
            cores = Double(cpu) / 1e9 / Date().timeIntervalSince(start)
            skipped = self.skipped(server, count) - startSkipped
            perFrame = Double(cpu) / 1e3 / Double(max(1, sent(server, count) - startSent))
        }
        let loops = LoopLibrary.shared.residentLoops()
        await load.finish()
        await server.shutdown()
        let loopBytes = loops.reduce(0) { $0 + $1.bytes }
        let expected = result?.double("expected_frames") ?? .nan
        return Step(
            cameras: count, playing: result?.int("playing") ?? 0,
            worstFraction: Double(result?.int("min_frames") ?? 0) / expected,
            lostPackets: result?.int("lost_packets") ?? 0, skipped: skipped, serverCores: cores,
            cpuMicrosecondsPerFrame: perFrame,
            memoryPerCameraBytes: Double(memory.resident - before.resident) / Double(count),
            loopBytes: loopBytes, loopRecordings: LoopLibrary.shared.recordingCount { _ in true } - recordingsBefore,
            failures: load.failures, loadAverage: Self.loadAverage())
    }

    private func sent(_ server: CamsimServer, _ count: Int) -> Int {
        (1...count).reduce(0) { $0 + (server.stream(atPath: "cam-\($1)")?.counters.snapshot.framesEncoded ?? 0) }
    }

    private func skipped(_ server: CamsimServer, _ count: Int) -> Int {
        (1...count).reduce(0) { $0 + (server.stream(atPath: "cam-\($1)")?.counters.snapshot.framesSkipped ?? 0) }
    }

    /// ffmpeg, an independent client, pulls cameras `cam-1` … `cam-<checked>` for `seconds`
    /// (`-c copy`, one packet line per frame) while `camsim-load` holds one viewer on each of
    /// the other cameras: how many ffmpeg pulls got at least 95 % of their frames.
    func spotCheck(cameras count: Int, checked: Int, seconds: Int) async throws -> (passed: Int, worst: Double) {
        ProcessResources.raiseFileLimit()
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, sessionTimeoutSeconds: 3600),
            cameras: cameras(count))
        try await server.start()
        let paths = ((checked + 1)...count).flatMap { ["--path", "cam-\($0)"] }
        let load = try LoadProcess([
            "play", "--port", "\(server.port)", "--sessions", "\(count - checked)", "--fps", "\(Self.fps)",
            "--sources", "\(max(1, (count + Self.sessionsPerSource - 1) / Self.sessionsPerSource))",
            "--in-flight", "\(Self.joiningAtOnce)", "--warmup", "\(Double(seconds) + 4)", "--window", "2",
            "--start-timeout", "90",
        ] + paths)
        _ = await load.line("ready", timeoutSeconds: 120)
        let fractions = try await withThrowingTaskGroup(of: Double.self) { group in
            for index in 1...checked {
                let url = server.url(forPath: "cam-\(index)")
                group.addTask { try await Self.ffmpegFrames(url, seconds: seconds) / Double(Self.fps * seconds) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await load.finish(timeoutSeconds: 30)
        await server.shutdown()
        return (fractions.filter { $0 >= 0.95 }.count, fractions.min() ?? 0)
    }

    /// Frames ffmpeg receives from `url` in `seconds` once the first arrives (`-c copy`: no decoding).
    static func ffmpegFrames(_ url: String, seconds: Int) async throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        process.arguments = [
            "-nostdin", "-v", "error", "-rtsp_transport", "tcp", "-i", url, "-an", "-c", "copy", "-t", "\(seconds)",
            "-f", "framecrc", "-",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        return Double(String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }.count)
    }
}
