import Cameras
import Frames

extension Bench {
    /// `--only loop`: loop cameras against the live cameras' count (`ScaleBenchmark`) in the
    /// same run; the full run hands in the count and CPU per frame its live figure just measured.
    /// `steps` picks the loop camera counts.
    static func printLoop(
        library: SceneLibrary, quick: Bool, steps counts: [Int]? = nil, live baseline: (count: Int, microsecondsPerFrame: Double)? = nil
    ) async throws {
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
        print("Live 640x360@15 baseline (ScaleBenchmark, in-process viewers): \(liveBest) cameras in real time, \(format(livePerFrame, 0)) µs CPU per delivered frame (load avg \(format(LoopBenchmark.loadAverage(), 2)))")
        var loop = try LoopBenchmark.standard(library: library, quick: quick)
        if let counts, !counts.isEmpty { loop.counts = counts }
        print("Loop cameras, 640x360@15 smpte-clock 600 kbit/s, one 10 s loop (GOP 15), one camsim-load TCP viewer each")
        print("  each step in a fresh process; memory: resident growth from the recorded loop to the window, over the cameras")
        print("  cameras  playing  worst-viewer  lost  skipped  server cores  µs/frame  RSS/camera beyond the loop  loop  recordings  load avg")
        var best: LoopBenchmark.Step?
        let steps = try await loop.run(quick: quick, { step in
            print("  \(pad(step.cameras, 7))  \(pad(step.playing, 7))  \(pad(format(step.worstFraction * 100, 1) + "%", 12))  \(pad(step.lostPackets, 4))  \(pad(step.skipped, 7))  \(pad(format(step.serverCores, 3), 12))  \(pad(format(step.cpuMicrosecondsPerFrame, 1), 8))  \(pad(format(step.memoryPerCameraBytes / 1024, 1) + " KiB", 26))  \(format(Double(step.loopBytes) / 1_048_576, 2)) MiB  \(pad(step.loopRecordings, 10))  \(format(step.loadAverage, 2))")
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
            // 1,000 cameras (or the most in real time, if fewer): camsim-load on all but 100, ffmpeg on those.
            let spotCameras = min(count, 1_000)
            let checked = min(100, spotCameras / 2)
            let spot = try await loop.spotCheck(cameras: spotCameras, checked: checked, seconds: quick ? 4 : 10)
            print("  ffmpeg spot check at \(spotCameras) cameras, beside \(spotCameras - checked) camsim-load viewers: \(spot.passed) of \(checked) pulls >= 95% of their frames (worst \(format(spot.worst * 100, 1))%, load avg \(format(LoopBenchmark.loadAverage(), 2)))")
        }
        print("")
    }
}

extension LoopBenchmark {
    /// The steps `--only loop` runs: 250 to 1,500 cameras (50 and 100 with `--quick`).
    static func standard(library: SceneLibrary, quick: Bool) throws -> LoopBenchmark {
        LoopBenchmark(
            scene: try library.scene(named: "smpte-clock"), counts: quick ? [50, 100] : [250, 500, 750, 1000, 1250, 1500],
            windowSeconds: quick ? 3 : 8, warmupSeconds: quick ? 2 : 4)
    }
}
