import Cameras
import Frames

extension Bench {
    /// `--only loop`: loop cameras against the live cameras' count (`ScaleBenchmark`) in the
    /// same run; the full run hands in the count and CPU per frame its live figure just measured.
    static func printLoop(library: SceneLibrary, quick: Bool, live baseline: (count: Int, microsecondsPerFrame: Double)? = nil) async throws {
        let scene = try library.scene(named: "smpte-clock")
        var liveBest = baseline?.count ?? 0
        var livePerFrame = baseline?.microsecondsPerFrame ?? .nan
        if baseline == nil {
            let live = ScaleBenchmark(
                scene: scene, counts: quick ? [4, 8] : [48, 64, 80, 96, 112, 128, 144, 160, 176], windowSeconds: quick ? 3 : 6)
            for count in live.counts {
                let step = try await live.step(count)
                livePerFrame = step.cpuMillisecondsPerFrame * 1000
                guard step.isRealTime else { break }
                liveBest = count
            }
        }
        print("Live 640x360@15 baseline (ScaleBenchmark, in-process viewers): \(liveBest) cameras in real time, \(format(livePerFrame, 0)) µs CPU per delivered frame")
        let loop = LoopBenchmark(
            scene: scene, counts: quick ? [50, 100] : [250, 500, 750, 1000, 1250, 1500],
            windowSeconds: quick ? 3 : 8, warmupSeconds: quick ? 2 : 4)
        print("Loop cameras, 640x360@15 smpte-clock 600 kbit/s, one 10 s loop (GOP 15), one camsim-load TCP viewer each")
        print("  cameras  playing  worst-viewer  lost  skipped  server cores  µs/frame  RSS/camera beyond the loop  loop  recordings")
        var best: LoopBenchmark.Step?
        let steps = try await loop.run({ step in
            print("  \(pad(step.cameras, 7))  \(pad(step.playing, 7))  \(pad(format(step.worstFraction * 100, 1) + "%", 12))  \(pad(step.lostPackets, 4))  \(pad(step.skipped, 7))  \(pad(format(step.serverCores, 3), 12))  \(pad(format(step.cpuMicrosecondsPerFrame, 1), 8))  \(pad(format(step.memoryPerCameraBytes / 1024, 1) + " KiB", 26))  \(format(Double(step.loopBytes) / 1_048_576, 2)) MiB  \(step.loopRecordings)")
            for failure in step.failures.prefix(3) { print("    \(failure)") }
        })
        for step in steps where step.passed { best = step }
        let count = best?.cameras ?? 0
        if let last = steps.last {
            print("  CPU per frame sent at \(last.cameras): \(format(last.cpuMicrosecondsPerFrame, 1)) µs = \(format(last.cpuMicrosecondsPerFrame / livePerFrame, 3))x a live frame of this run")
        }
        print("  real time (every viewer >= 95% of its frames): \(count) loop cameras = \(format(Double(count) / Double(max(1, liveBest)), 1))x the \(liveBest) live cameras of this run")
        if let best {
            print("  at \(count): server \(format(best.serverCores, 3)) cores (goal <= 1), \(format(best.memoryPerCameraBytes / 1024, 1)) KiB per playing camera beyond the shared loop (goal <= 100)")
            let checked = min(100, count / 2)
            let spot = try await loop.spotCheck(cameras: count, checked: checked, seconds: quick ? 4 : 10)
            print("  ffmpeg spot check beside \(count - checked) camsim-load viewers: \(spot.passed) of \(checked) pulls >= 95% of their frames (worst \(format(spot.worst * 100, 1))%)")
        }
        print("")
    }
}
