import Foundation
import Frames
import H264

extension Bench {
    /// `--only live`: live 1280x720@30 encoding at the machine's limit. CPU per frame of
    /// the pipeline on an encode worker against the `x264` command line on the same frames;
    /// the live camera count, one viewer each from `camsim-load`, against x264's own
    /// throughput on every core; the same count with a G.711 and an AAC track on every
    /// camera. `--steps 20,22,24` picks the camera counts tried.
    static func printLive(library: SceneLibrary, quick: Bool, steps: [Int]?) async throws {
        let scene = try library.scene(named: "smpte-clock")
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: 30))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("Live 1280x720@30 smpte-clock, 2000 kbit/s, ultrafast/zerolatency, high profile, 1 x264 thread per camera (x264 build \(H264Encoder.x264Build), \(cores) cores)")
        for pinned in [false, true] {
            let frame = try await LiveFrameBenchmark(
                scene: scene, settings: settings, frames: quick ? 60 : 150, rounds: quick ? 1 : 3, pinned: pinned
            ).run()
            if !pinned {
                print("  x264 settings as written in the SEI: \(frame.cliOptions == frame.cameraOptions ? "identical" : "DIFFER")")
                if frame.cliOptions != frame.cameraOptions {
                    print("    x264 command line: \(frame.cliOptions)")
                    print("    camsim:            \(frame.cameraOptions)")
                }
            }
            print("  CPU ms per frame, median of rounds\(pinned ? ", worker pinned to a CPU" : "")")
            print("    x264 command line on the same frames (Y4M)   \(format(frame.cliMillisecondsPerFrame)) ms   \(format(frame.cliKilobitsPerSecond, 0)) kbit/s")
            print("    libx264 alone in this process                \(format(frame.rawMillisecondsPerFrame)) ms   \(format(frame.rawRatio, 3))x")
            print("    camera pipeline on an encode worker          \(format(frame.workerMillisecondsPerFrame)) ms   \(format(frame.workerKilobitsPerSecond, 0)) kbit/s")
            print("    ratio pipeline / x264 command line           \(format(frame.ratio, 3))x   (goal 1.15x)")
        }

        let pictures = try PrerenderedFrames.render(
            scene, settings: settings, count: 60, context: { PrerenderedFrames.context($0, frameRate: settings.frameRate) }
        ).pictures
        let rawFPS = try X264Throughput.framesPerSecond(pictures, settings: settings, threads: cores, seconds: quick ? 2 : 5)
        let rawCameras = rawFPS / Double(LiveCountBenchmark.fps)
        print("  libx264 alone on \(cores) threads: \(format(rawFPS, 0)) frames/s = \(format(rawCameras, 1)) cameras' worth")

        let counts = LiveCountBenchmark(library: library, warmupSeconds: quick ? 1 : 2, windowSeconds: quick ? 3 : 8)
        let tried = steps ?? (quick ? [2, 4] : [20, 22, 24, 25, 26, 27, 28, 29, 30, 32])
        print("  cameras  audio                 worst viewer  worst audio  skipped  server CPU  CPU ms/frame")
        var best: [LiveCountBenchmark.Audio: Int] = [:]
        for audio in LiveCountBenchmark.Audio.allCases {
            // With audio, start a little below the video-only count.
            let from = audio == .none ? tried : tried.filter { $0 >= (best[.none] ?? 0) - 4 }
            let (count, _) = try await counts.ceiling(from.isEmpty ? tried : from, audio: audio) { step in
                let audioText = audio == .none ? "-" : format(step.worstAudioFraction * 100, 1) + "%"
                print("  \(pad(step.cameras, 7))  \(pad(audio.label, 20))  \(pad(format(step.worstFraction * 100, 1) + "%", 12))  \(pad(audioText, 11))  \(pad(step.framesSkipped, 7))  \(pad(format(step.serverCPUPercent, 0) + "%", 10))  \(format(step.cpuMillisecondsPerFrame))")
                for failure in step.failures.prefix(3) { print("           \(failure)") }
            }
            best[audio] = count
        }
        let video = best[.none] ?? 0
        print("  real time (every viewer >= 95% of its frames): \(video) cameras = \(format(Double(video) / rawCameras, 3))x libx264's throughput (goal 26)")
        for audio in [LiveCountBenchmark.Audio.g711, .aac] {
            let count = best[audio] ?? 0
            let drop = video > 0 ? 1 - Double(count) / Double(video) : .nan
            print("  with a \(audio.label) on every camera: \(count) cameras, \(format(drop * 100, 1))% fewer (goal at most 5%)")
        }
        print("")
    }
}
