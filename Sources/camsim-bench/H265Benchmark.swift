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
        let baseline = try CommandLineBaseline("h265", scene: scene, settings: settings, frames: frames)
        defer { baseline.remove() }
        var cli: [Double] = []
        var pipeline: [Double] = []
        var cliBytes = 0, pipelineBytes = 0
        for _ in 0..<rounds {
            let (cliMs, bytes) = try baseline.run("x265", outputName: "out.hevc") { input, output in
                commandLineOptions + ["--input", input.path, "--output", output.path]
            }
            cli.append(cliMs)
            cliBytes = bytes
            let (pipelineMs, payload) = try fullPipeline()
            pipeline.append(pipelineMs)
            pipelineBytes = payload
        }
        let seconds = Double(frames) / settings.frameRate.framesPerSecond
        return Result(
            cliMillisecondsPerFrame: median(cli), pipelineMillisecondsPerFrame: median(pipeline),
            cliKilobitsPerSecond: Double(cliBytes) * 8 / 1000 / seconds,
            pipelineKilobitsPerSecond: Double(pipelineBytes) * 8 / 1000 / seconds)
    }

    private func context(_ index: Int) -> FrameContext {
        PrerenderedFrames.context(index, frameRate: settings.frameRate)
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
