import Audio
import Cameras
import Composition
import Config
import RTP
import Frames
import H264

extension Bench {
    /// `--only audio-aac`: an AAC 48 kHz track's CPU per camera, replayed from the process's
    /// table as cameras do and encoded live, against the same camera's video pipeline
    /// (1280x720@30 smpte-clock, as `--only audio` for G.711), all measured in this run.
    static func printAudioAAC(library: SceneLibrary, quick: Bool) throws {
        let fps = 30
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: fps))
        let video = try PipelineBenchmark(
            scene: library.scene(named: "smpte-clock"), settings: settings, frames: quick ? 30 : 90, rounds: quick ? 1 : 3
        ).run()
        let videoPerSecond = video.pipelineMillisecondsPerFrame * Double(fps)
        let bench = AACBenchmark(rate: 48_000, seconds: quick ? 5 : 20, rounds: quick ? 1 : 5)
        let tone = try bench.replayed(AudioConfig.defaultSignal)
        let beep = try bench.replayed(AudioConfig.avSyncBeep)
        let liveTone = try bench.live(.tone(Tone(frequency: 1000, levelDBFS: -20)))
        let liveBeep = try bench.live(.beep(.avSync))
        func line(_ label: String, _ ms: Double) -> String {
            "  \(label.padding(toLength: 40, withPad: " ", startingAt: 0))\(format(ms, 3)) ms   (\(format(ms / 10, 3)) % of a core)"
        }
        print("Audio track, AAC-LC 48 kHz mono (libavcodec, RFC 3640) beside 1280x720@30 smpte-clock (CPU ms per second of media)")
        print("  camera video (render+encode+RTP)        \(format(videoPerSecond, 1)) ms")
        print(line("tone, replayed (per camera)", tone.milliseconds) + "; goal < 3 %")
        print(line("beep, replayed (per camera)", beep.milliseconds))
        print(line("tone, encoded live", liveTone))
        print(line("beep, encoded live", liveBeep))
        let loopTracks = 20, loopSeconds = quick ? 2.0 : 5.0
        let replayedLoop = try AudioTrackLoopBenchmark(
            definition: AudioTrackDefinition(AudioConfig(codec: .aac, rate: 48_000, signal: AudioConfig.defaultSignal), maxPacketSize: 1400),
            tracks: loopTracks, seconds: loopSeconds
        ).run()
        let toneSampler = AudioSignal.tone(Tone(frequency: 1000, levelDBFS: -20)).sampler(rate: 48_000)
        let liveDefinition = AudioTrackDefinition(
            format: .aac(rate: 48_000, channels: 1), maxPacketSize: 1400, makePacketizer: MPEG4GenericPacketizer.factory
        ) { try AACTrackEncoder(rate: 48_000, channels: 1, signal: toneSampler) }
        let liveLoop = try AudioTrackLoopBenchmark(definition: liveDefinition, tracks: loopTracks, seconds: loopSeconds).run()
        print(line("tone track on its event loop, replayed", replayedLoop.milliseconds)
            + "; timer+table+RTP+fan-out, \(loopTracks) tracks for \(format(loopSeconds, 0)) s, \(format(replayedLoop.packetsPerSecond, 1)) packets/s each")
        print(line("tone track on its event loop, live", liveLoop.milliseconds))
        print("  tables ready (once per process)         tone \(format(tone.tableReadySeconds * 1000, 0)) ms, beep \(format(beep.tableReadySeconds * 1000, 0)) ms after the first track asked")
        print("  camera with its AAC track / without     \(format((videoPerSecond + replayedLoop.milliseconds) / videoPerSecond, 3))x replayed, the track on its loop (goal < 1.05x); \(format((videoPerSecond + liveLoop.milliseconds) / videoPerSecond, 3))x encoded live")
        print("                                          \(format((videoPerSecond + tone.milliseconds) / videoPerSecond, 3))x replayed, table and RTP only; \(format((videoPerSecond + liveTone) / videoPerSecond, 3))x encoded live")
        print("")
    }
}
