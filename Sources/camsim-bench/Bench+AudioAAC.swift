import Frames
import H264

extension Bench {
    /// `--only audio-aac`: an AAC track's CPU per camera against the same camera's video
    /// pipeline (1280x720@30 smpte-clock, as `--only audio` for G.711), measured in this run.
    static func printAudioAAC(library: SceneLibrary, quick: Bool) throws {
        let fps = 30
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: fps))
        let video = try PipelineBenchmark(
            scene: library.scene(named: "smpte-clock"), settings: settings, frames: quick ? 30 : 90, rounds: quick ? 1 : 3
        ).run()
        let videoPerSecond = video.pipelineMillisecondsPerFrame * Double(fps)
        let aac = try AACBenchmark(rate: 48_000, seconds: quick ? 5 : 20, rounds: quick ? 1 : 5).run()
        print("Audio track, AAC-LC 48 kHz mono (beep, libavcodec, RFC 3640) beside 1280x720@30 smpte-clock (CPU ms per second of media)")
        print("  camera video (render+encode+RTP)     \(format(videoPerSecond, 1)) ms")
        print("  audio track (beep+AAC+RTP)           \(format(aac, 3)) ms   (\(format(aac / 10, 3)) % of a core; goal < 3 %)")
        print("  camera with audio / without          \(format((videoPerSecond + aac) / videoPerSecond, 3))x")
        print("")
    }
}
