import Cameras
import Frames
import H264
import Server

/// Issue figure for `mode: shared`: how many 640x360@15 cameras sharing one encoder, one
/// viewer each in `camsim-load`, this machine serves in real time, beside the same run's
/// live cameras (an encoder each) as the baseline.
struct SharedScaleBenchmark {
    let scene: Scene
    let liveCounts: [Int]
    let sharedCounts: [Int]
    let warmupSeconds: Double
    let windowSeconds: Double
    static let fps = 15

    static let settings = EncoderSettings(
        width: 640, height: 360, frameRate: FrameRate(numerator: fps), rateControl: .averageBitrate(kbps: 600))

    /// `count` cameras at `cam-1` …, each encoding for itself, or all sharing one encoder.
    static func cameras(scene: Scene, shared: Bool) -> @Sendable (Int) -> [CameraDefinition] {
        { count in
            (1...count).map { index in
                var stream = StreamDefinition(
                    cameraName: "cam-\(index)", encoder: settings, idleStopDelayNanoseconds: 0, seed: UInt64(index),
                    makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
                if shared {
                    stream.shareEncoder(scene: scene.name, pictureName: "cam-{n}", pictureSeed: 1, codec: "h264")
                }
                return CameraDefinition(path: "cam-\(index)", streams: [stream])
            }
        }
    }

    func live() -> LoadedScaleSteps {
        LoadedScaleSteps(
            counts: liveCounts, fps: Self.fps, warmupSeconds: warmupSeconds, windowSeconds: windowSeconds,
            cameras: Self.cameras(scene: scene, shared: false))
    }

    func shared() -> LoadedScaleSteps {
        LoadedScaleSteps(
            counts: sharedCounts, fps: Self.fps, warmupSeconds: warmupSeconds, windowSeconds: windowSeconds,
            cameras: Self.cameras(scene: scene, shared: true))
    }
}

extension Bench {
    /// `--only shared`: live cameras stepped up until not real time (the baseline), then
    /// shared ones; `--steps` replaces the shared counts.
    static func printShared(library: SceneLibrary, quick: Bool, steps: [Int]?) async throws {
        let benchmark = SharedScaleBenchmark(
            scene: try library.scene(named: "smpte-clock"),
            liveCounts: quick ? [8, 16] : [96, 128, 144, 160, 176, 192, 208],
            sharedCounts: steps ?? (quick ? [50, 100] : [200, 300, 400, 500, 600, 700, 800, 1000]),
            warmupSeconds: 3, windowSeconds: quick ? 4 : 8)
        print("Shared streams, 640x360@15 smpte-clock 600 kbit/s, one camsim-load TCP viewer per camera")
        print("  mode    cameras  worst viewer  lost packets  server CPU  sent units/s  skipped  shared encoders")
        func row(_ mode: String, _ step: LoadedScaleSteps.Step) {
            let lost = step.result.map { String($0.int("lost_packets")) } ?? "-"
            let perSecond = Double(step.framesEncoded) / benchmark.windowSeconds
            print("  \(mode.padding(toLength: 6, withPad: " ", startingAt: 0))  \(pad(step.cameras, 7))  \(pad(format(step.worstViewerFraction * 100, 1) + "%", 12))  \(pad(lost, 12))  \(pad(format(step.serverCPUPercent, 0) + "%", 10))  \(pad(format(perSecond, 0), 12))  \(pad(step.framesSkipped, 7))  \(pad(step.sharedEncoders, 15))")
            for failure in step.failures.prefix(3) { print("          \(failure)") }
        }
        let live = LoadedScaleSteps.best(of: try await benchmark.live().run { row("live", $0) })
        let shared = LoadedScaleSteps.best(of: try await benchmark.shared().run { row("shared", $0) })
        let liveCount = live?.cameras ?? 0
        let sharedCount = shared?.cameras ?? 0
        print("  real time (every viewer >= 95% of its frames): live \(liveCount), shared \(sharedCount) cameras"
            + (liveCount > 0 ? " = \(format(Double(sharedCount) / Double(liveCount), 2))x live" : ""))
        if let live, let shared {
            print("  server CPU per camera: live \(format(live.serverCPUPercent / Double(live.cameras), 2))%, shared \(format(shared.serverCPUPercent / Double(shared.cameras), 2))% of a core")
        }
        print("")
    }
}
