import Foundation
import Frames
import H264

/// `make bench`: camsim's performance figures, each as a ratio against a baseline
/// measured in the same run.
@main
struct Bench {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let quick = arguments.contains("--quick")
        let library = SceneLibrary(directory: SceneLibrary.locateDefaultDirectory())
        print("camsim-bench  (x264 build \(H264Encoder.x264Build), \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        print("")

        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: 30))
        let pipeline = try PipelineBenchmark(
            scene: library.scene(named: "smpte-clock"), settings: settings,
            frames: quick ? 60 : 300, rounds: quick ? 1 : 5
        ).run()
        print("Pipeline, 1280x720@30 smpte-clock, ultrafast/zerolatency, 1 thread (CPU ms per frame, median of rounds)")
        print("  raw x264 encode of the same frames   \(format(pipeline.rawMillisecondsPerFrame)) ms")
        print("  camera pipeline (render+encode+RTP)  \(format(pipeline.pipelineMillisecondsPerFrame)) ms")
        print("  ratio pipeline / raw x264            \(format(pipeline.ratio, 3))x   (budget 1.30x)")
        print("")
    }
}
