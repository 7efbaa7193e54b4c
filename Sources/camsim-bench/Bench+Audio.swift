import Frames
import H264

extension Bench {
    /// `--only audio`: an audio track's CPU per camera against the same camera's video
    /// pipeline (640x360@15 smpte-clock, the live-camera figure's camera), measured in this run.
    static func printAudio(library: SceneLibrary, quick: Bool) throws {
        let fps = 15
        let settings = EncoderSettings(
            width: 640, height: 360, frameRate: FrameRate(numerator: fps), rateControl: .averageBitrate(kbps: 600))
        let video = try PipelineBenchmark(
            scene: library.scene(named: "smpte-clock"), settings: settings, frames: quick ? 30 : 150, rounds: quick ? 1 : 3
        ).run()
        let videoPerSecond = video.pipelineMillisecondsPerFrame * Double(fps)
        let audio = try AudioBenchmark(seconds: quick ? 5 : 20, rounds: quick ? 1 : 5).run()
        print("Audio track per camera (CPU ms per second of media; % of one core; camera with audio / without)")
        print("  video only, 640x360@15 smpte-clock   \(format(videoPerSecond)) ms/s = \(format(videoPerSecond / 10, 2))%")
        for (name, perSecond, budget) in [
            ("G.711 μ-law 8 kHz, 20 ms packets ", audio.g711MillisecondsPerSecond, 1.0),
            ("AAC-LC 48 kHz mono, RFC 3640    ", audio.aacMillisecondsPerSecond, 3.0),
        ] {
            print("  + \(name)   \(format(perSecond)) ms/s = \(format(perSecond / 10, 2))% of a core (budget \(format(budget, 0))%), ratio \(format((videoPerSecond + perSecond) / videoPerSecond, 3))x")
        }
        print("")
    }
}
