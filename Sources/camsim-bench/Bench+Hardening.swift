import Foundation
import Frames

/// The hardening figures: churn, the session ceiling, idle and slow connections.
extension Bench {
    /// Sections that `--only NAME` can pick.
    static let hardeningSections = ["churn", "sessions", "slow"]

    static func hardening(_ only: String?, quick: Bool, steps: [Int]?, library: SceneLibrary) async throws {
        let scene = try library.scene(named: "smpte-clock")
        if only == nil || only == "churn" { try await churn(scene: scene, quick: quick) }
        if only == nil || only == "sessions" { try await sessions(scene: scene, quick: quick, steps: steps) }
        if only == nil || only == "slow" { try await slow(scene: scene, quick: quick) }
    }

    static func churn(scene: Scene, quick: Bool) async throws {
        let benchmark = ChurnBenchmark(scene: scene, cycles: quick ? 400 : 10_000)
        print("Churn, \(benchmark.clients) clients at a time, \(ChurnBenchmark.cameraCount) cameras 320x240@30: connect, DESCRIBE, SETUP, PLAY, first packet, then TEARDOWN, or vanish (close or reset); TCP interleaved and UDP in turn")
        let result = try await benchmark.run()
        let bare = result.runs[0]
        // A session cycle's time is mostly PLAY waiting for the camera's next frame (an IDR); its CPU is the server's work.
        print("  cycles of                   done  failed  cycles/s  CPU ms/cycle  vs bare: time    CPU")
        for run in result.runs {
            let time = bare.cyclesPerSecond / run.cyclesPerSecond
            let cpu = run.cpuMillisecondsPerCycle / bare.cpuMillisecondsPerCycle
            print("  \(run.name.padding(toLength: 26, withPad: " ", startingAt: 0))  \(pad(run.outcome.completed, 5))  \(pad(run.outcome.failures.count, 6))  \(pad(format(run.cyclesPerSecond, 0), 8))  \(pad(format(run.cpuMillisecondsPerCycle, 2), 12))  \(pad(format(time, 1) + "x", 13))  \(pad(format(cpu, 1) + "x", 5))")
            if let failure = run.outcome.failures.first { print("    first failure: \(failure)") }
        }
        let settle = result.settleSeconds.map { "back to baseline \(format($0, 2)) s after the last cycle" } ?? "NOT back to baseline after \(Int(ChurnBenchmark.settleDeadlineSeconds)) s"
        print("  sessions \(result.sessionsAfter), viewers \(result.viewersAfter); fds \(result.baseline.fileDescriptors) -> \(result.after.fileDescriptors) (\(signed(result.after.fileDescriptors - result.baseline.fileDescriptors))), threads \(result.baseline.threads) -> \(result.after.threads) (\(signed(result.after.threads - result.baseline.threads))): \(settle)")
        let mib = { (bytes: Int) in format(Double(bytes) / 1_048_576, 1) }
        print("  RSS before \(mib(result.memoryBefore)) MiB, peak \(mib(result.memoryPeak)) MiB, after \(mib(result.memoryAfter)) MiB (\(signed(result.memoryAfter - result.memoryBefore, mib)) MiB over \(result.runs.dropFirst().reduce(0) { $0 + $1.outcome.completed }) session cycles)")
        print("")
    }

    static func sessions(scene: Scene, quick: Bool, steps: [Int]?) async throws {
        let benchmark = SessionCeilingBenchmark(
            scene: scene, steps: steps ?? (quick ? [250, 500] : [500, 1000, 2000, 3000, 4000, 5000, 6000]),
            warmupSeconds: 4, windowSeconds: quick ? 4 : 8)
        print("Concurrent sessions, \(SessionCeilingBenchmark.cameraCount) cameras 320x240@\(SessionCeilingBenchmark.fps) \(SessionCeilingBenchmark.kbps) kbit/s, TCP interleaved, load from a separate camsim-load process")
        print("  every session must get every packet its camera sent (no gap in the RTP sequence), at least \(format(SessionCeilingBenchmark.realTimeFraction * 100, 0))% of the \(format(benchmark.windowSeconds, 0)) s window's frame slots, and be at most \(format(SessionCeilingBenchmark.lagLimitFrames, 0)) frames behind its camera at the end")
        print("  sessions  playing  setup s  frames min/expected  lost pkts  max lag  skipped  Mbit/s  server CPU  load CPU  verdict")
        let done = try await benchmark.run { step in
            let result = step.result
            let frames = result.map { "\($0.int("min_frames"))/\(format($0.double("expected_frames"), 0))" } ?? "-"
            let window = result?.double("window_s") ?? .nan
            let loadCPU = result.map { Double($0.int("cpu_ms")) / 10 / window } ?? .nan
            print("  \(pad(step.sessions, 8))  \(pad(result?.int("playing") ?? 0, 7))  \(pad(format(step.setupSeconds, 1), 7))  \(pad(frames, 19))  \(pad(result?.int("lost_packets") ?? 0, 9))  \(pad(format(result?.double("max_lag_frames") ?? .nan, 1), 7))  \(pad(step.framesSkipped, 7))  \(pad(format(result?.double("mbit_s") ?? .nan, 0), 6))  \(pad(format(step.serverCPUPercent, 0) + "%", 10))  \(pad(format(loadCPU, 0) + "%", 8))  \(step.passed ? "ok" : "FAIL")")
            for failure in step.failures.prefix(3) { print("    \(failure)") }
            if let result, result.int("lost_before_window") > 0 {
                print("    while joining: \(result.int("lost_before_window")) packets skipped (viewers behind resume at the next IDR)")
            }
        }
        let best = done.filter(\.passed).last
        if let best {
            let perThousand = best.serverCPUPercent / Double(best.sessions) * 1000
            print("  ceiling: \(best.sessions) sessions with every frame (server \(format(best.serverCPUPercent, 0))% of one core = \(format(perThousand, 1))% per 1,000 sessions)")
        } else {
            print("  ceiling: not even \(done.first?.sessions ?? 0) sessions")
        }
        print("")
    }

    static func slow(scene: Scene, quick: Bool) async throws {
        let benchmark = SlowConnectionBenchmark(scene: scene, idle: quick ? 100 : 500, slow: quick ? 100 : 500)
        print("Idle and slow connections beside a playing viewer: \(benchmark.idle) idle, \(benchmark.slow) sending a request one byte a second (header timeout \(SlowConnectionBenchmark.headerTimeoutSeconds) s, idle timeout \(SlowConnectionBenchmark.idleTimeoutSeconds) s)")
        let result = try await benchmark.run()
        let linger = result.linger
        print("  viewer: \(result.viewerFrames) frames of the camera's \(result.cameraFrames) over \(format(result.holdSeconds, 1)) s (\(format(result.wallClockFrames, 0)) at \(SlowConnectionBenchmark.fps) fps, \(result.cameraSkipped) slots skipped), \(result.viewerLost) packets lost\(result.viewerFailure.map { ", failed: \($0)" } ?? ""): \(result.viewerUntouched ? "untouched" : "FAIL")")
        for (kind, timeout) in [("idle", SlowConnectionBenchmark.idleTimeoutSeconds), ("slow", SlowConnectionBenchmark.headerTimeoutSeconds)] {
            guard let linger else {
                print("  \(kind): the load reported nothing")
                continue
            }
            print("  \(kind): \(linger.int("\(kind)_closed")) of \(linger.int(kind)) closed by the server, held \(linger.fields["\(kind)_held_min_s"] ?? "-")-\(linger.fields["\(kind)_held_max_s"] ?? "-") s (timeout \(timeout) s), \(linger.int("\(kind)_still_open")) still open, \(linger.int("\(kind)_answered")) got an answer: \(result.closedInTime(kind, timeout: timeout) ? "ok" : "FAIL")")
        }
        print("  OPTIONS round trip  without load: p50 \(format(result.baseline.p50, 2)) ms, p99 \(format(result.baseline.p99, 2)) ms (\(result.baseline.count) round trips)")
        print("                      during load:  p50 \(format(result.loaded.p50, 2)) ms, p99 \(format(result.loaded.p99, 2)) ms, max \(format(result.loaded.max, 2)) ms (\(result.loaded.count) round trips); p99 ratio \(format(result.loaded.p99 / result.baseline.p99, 2))x: \(result.optionsFast ? "ok" : "FAIL") (limit \(format(SlowConnectionBenchmark.p99LimitMilliseconds, 0)) ms)")
        if let failure = result.proberFailure { print("  OPTIONS client failed: \(failure)") }
        print("")
    }

    private static func signed(_ value: Int, _ show: (Int) -> String = { "\($0)" }) -> String {
        value >= 0 ? "+" + show(value) : "-" + show(-value)
    }
}
