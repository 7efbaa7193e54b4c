import Cameras
import Foundation
import Frames
import H264
import H265
import RTP

/// Issue figure: CPU per frame of the H.265 camera pipeline (render, x265 encode, RFC 7798
/// packetization) against the x265 command-line encoder reading the same pre-rendered
/// frames from a Y4M file with the same settings, measured in the same run with
/// alternating rounds.
///
/// x265 runs its frame encoder on a thread of its own even without a worker pool, so both
/// sides are measured as process CPU: the pipeline as this process's (nothing else runs
/// here meanwhile), the command line as its child's resource usage.
struct H265Benchmark {
    let scene: Scene
    let settings: EncoderSettings
    let frames: Int
    let rounds: Int

    struct Result {
        var cliMillisecondsPerFrame: Double
        var pipelineMillisecondsPerFrame: Double
        var cliKilobitsPerSecond: Double
        var pipelineKilobitsPerSecond: Double
        var ratio: Double { pipelineMillisecondsPerFrame / cliMillisecondsPerFrame }
    }

    func run() throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-bench-h265-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("frames.y4m")
        let rate = settings.frameRate
        let pictures = try PrerenderedFrames.render(scene, settings: settings, count: frames, context: context).pictures
        let writer = try Y4MWriter(
            url: input, width: settings.width, height: settings.height,
            frameRate: (rate.numerator, rate.denominator))
        for picture in pictures { try writer.write(picture.view) }
        try writer.close()

        var cli: [Double] = []
        var pipeline: [Double] = []
        var cliBytes = 0, pipelineBytes = 0
        for _ in 0..<rounds {
            let (cliMs, bytes) = try commandLine(input: input, output: directory.appendingPathComponent("out.hevc"))
            cli.append(cliMs)
            cliBytes = bytes
            let (pipelineMs, payload) = try fullPipeline()
            pipeline.append(pipelineMs)
            pipelineBytes = payload
        }
        let seconds = Double(frames) / rate.framesPerSecond
        return Result(
            cliMillisecondsPerFrame: median(cli), pipelineMillisecondsPerFrame: median(pipeline),
            cliKilobitsPerSecond: Double(cliBytes) * 8 / 1000 / seconds,
            pipelineKilobitsPerSecond: Double(pipelineBytes) * 8 / 1000 / seconds)
    }

    private func context(_ index: Int) -> FrameContext {
        let fps = settings.frameRate
        let media = fps.nanoseconds(untilFrame: Int64(index))
        return FrameContext(
            frameIndex: Int64(index), mediaTime: Double(media) / 1e9,
            wallClockNanos: 1_790_000_000_000_000_000 + media, cameraName: "bench", seed: 1,
            frameRate: fps.framesPerSecond)
    }

    /// The x265 options that match what `H265Encoder` sets for `settings`.
    var commandLineOptions: [String] {
        var options = [
            "--preset", settings.preset, "--pools", "none", "--frame-threads", "1",
            "--keyint", String(settings.gop), "--min-keyint", String(settings.gop), "--no-scenecut", "--no-open-gop",
            "--bframes", "0", "--repeat-headers", "--no-info", "--log-level", "error", "--no-progress",
            "--videoformat", "unknown", "--range", "limited",
        ]
        if let tune = settings.tune { options += ["--tune", tune] }
        let colour = ColourStandard.forPicture(height: settings.height) == .bt709 ? "bt709" : "smpte170m"
        options += ["--colorprim", colour, "--transfer", colour, "--colormatrix", colour]
        switch settings.rateControl {
        case .averageBitrate(let kbps):
            options += ["--bitrate", String(kbps), "--vbv-maxrate", String(kbps), "--vbv-bufsize", String(kbps)]
        case .constantRateFactor(let factor):
            options += ["--crf", String(factor)]
        }
        return options
    }

    /// Milliseconds of the child's CPU per frame, and the size of what it wrote.
    private func commandLine(input: URL, output: URL) throws -> (Double, Int) {
        let process = Process()
        process.executableURL = try Self.locate("x265")
        process.arguments = commandLineOptions + ["--input", input.path, "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        let before = childCPUNanoseconds()
        try process.run()
        process.waitUntilExit()
        let elapsed = childCPUNanoseconds() - before
        guard process.terminationStatus == 0 else {
            throw BenchError.protocolError("x265 exited with status \(process.terminationStatus)")
        }
        let size = (try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        precondition(size > 0)
        return (Double(elapsed) / 1e6 / Double(frames), size)
    }

    /// Milliseconds of process CPU per frame for render + encode + RTP packetization, and
    /// the RTP payload octets.
    private func fullPipeline() throws -> (Double, Int) {
        let scene = self.scene
        var definition = StreamDefinition(
            cameraName: "bench", encoder: settings, seed: 1,
            makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
        definition.encodeAsH265()
        let source = try definition.openMediaSource(definition)
        var packetizer = definition.makePacketizer(1, 0, definition.format.payloadType, definition.maxPacketSize)
        var payload = 0
        let start = processCPUNanoseconds()
        for index in 0..<frames {
            let request = AccessUnitRequest(
                context: context(index), forceIDR: false, rtpTimestamp: UInt32(truncatingIfNeeded: index * 3000))
            payload += try source.makeAccessUnit(request, packetizer: &packetizer)?.payloadOctets ?? 0
        }
        let elapsed = processCPUNanoseconds() - start
        precondition(payload > 0)
        return (Double(elapsed) / 1e6 / Double(frames), payload)
    }

    /// An executable on PATH.
    static func locate(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BenchError.protocolError("\(name) is not on PATH (Debian: apt install \(name))")
    }
}

/// CPU time (user and system) of the waited-for children of this process, in nanoseconds.
func childCPUNanoseconds() -> Int64 {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let user = Int64(usage.ru_utime.tv_sec) * 1_000_000_000 + Int64(usage.ru_utime.tv_usec) * 1000
    let system = Int64(usage.ru_stime.tv_sec) * 1_000_000_000 + Int64(usage.ru_stime.tv_usec) * 1000
    return user + system
}

extension Bench {
    static func printH265(library: SceneLibrary, quick: Bool) throws {
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: 30))
        let benchmark = H265Benchmark(
            scene: try library.scene(named: "smpte-clock"), settings: settings,
            frames: quick ? 30 : 150, rounds: quick ? 1 : 3)
        let result = try benchmark.run()
        print("H.265 pipeline, 1280x720@30 smpte-clock, 2000 kbit/s, ultrafast/zerolatency, no worker pool (x265 build \(H265Encoder.x265Build); CPU ms per frame, median of rounds)")
        print("  x265 command line on the same frames (Y4M)  \(format(result.cliMillisecondsPerFrame)) ms   \(format(result.cliKilobitsPerSecond, 0)) kbit/s")
        print("  camera pipeline (render+encode+RTP)         \(format(result.pipelineMillisecondsPerFrame)) ms   \(format(result.pipelineKilobitsPerSecond, 0)) kbit/s")
        print("  ratio pipeline / x265 command line          \(format(result.ratio, 3))x   (goal 1.10x)")
        print("")
    }
}
