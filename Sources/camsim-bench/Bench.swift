import Foundation
import Frames
import H264

/// `make bench`: camsim's performance figures, each as a ratio against a baseline
/// measured in the same run.
@main
struct Bench {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let quick = arguments.contains("--quick")
        let library = SceneLibrary(directory: SceneLibrary.locateDefaultDirectory())
        // `--only scenes|udp|snapshot|control|onvif|seek|proxy|audio|audio-aac|mjpeg|h265|shared|loop|live|startup|ptz|churn|sessions|slow` runs one figure; `--steps 3000,4000` picks session (or camera) counts.
        let only = option("--only", in: arguments)
        let steps = option("--steps", in: arguments).map { $0.split(separator: ",").compactMap { Int($0) } }
        if only == "udp" {
            try await printUDPViewers(library: library, quick: quick)
            return
        }
        if only == "scenes" {
            try printScenes(library: library, quick: quick)
            return
        }
        if only == "ptz" {
            try printPTZ(library: library, quick: quick)
            return
        }
        if only == "snapshot" {
            try printSnapshot(library: library, quick: quick)
            return
        }
        if only == "control" {
            try await control(library: library, quick: quick)
            return
        }
        if only == "onvif" {
            try await onvif(library: library, quick: quick)
            return
        }
        if only == "proxy" {
            try await printProxy(library: library, quick: quick)
            return
        }
        if only == "audio" {
            try printAudio(library: library, quick: quick)
            return
        }
        if only == "audio-aac" {
            try printAudioAAC(library: library, quick: quick)
            return
        }
        if only == "mjpeg" {
            try printMJPEG(library: library, quick: quick)
            return
        }
        if only == "h265" {
            try printH265(library: library, quick: quick)
            return
        }
        if only == "shared" {
            let liveSteps = option("--live-steps", in: arguments).map { $0.split(separator: ",").compactMap { Int($0) } }
            try await printShared(library: library, quick: quick, steps: steps, liveSteps: liveSteps)
            return
        }
        if let count = option("--loop-step", in: arguments).flatMap({ Int($0) }) {
            try await printLoopStep(count, library: library, quick: quick)
            return
        }
        if only == "loop" {
            try await printLoop(library: library, quick: quick, steps: steps)
            return
        }
        if only == "live" {
            try await printLive(library: library, quick: quick, steps: steps)
            return
        }
        if only == "startup" {
            try await printStartup(quick: quick)
            return
        }
        if only == "seek" {
            try await printSeekLatency(library: library, quick: quick)
            return
        }
        if let only {
            guard hardeningSections.contains(only) else {
                print("--only takes one of: scenes, udp, snapshot, control, onvif, seek, proxy, audio, audio-aac, mjpeg, h265, shared, loop, live, startup, ptz, \(hardeningSections.joined(separator: ", "))")
                return
            }
            try await hardening(only, quick: quick, steps: steps, library: library)
            return
        }
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

        try printScenes(library: library, quick: quick)

        try printH265(library: library, quick: quick)

        try printMJPEG(library: library, quick: quick)

        try printAudio(library: library, quick: quick)

        try printAudioAAC(library: library, quick: quick)

        try printSnapshot(library: library, quick: quick)

        let faults = try await FaultBenchmark().run(rounds: quick ? 1 : 5)
        print("Fault bookkeeping at 100 Mbit/s of RTP (\(FaultBenchmark.packetsPerSecond) packets/s, every network fault on)")
        print("  fault decisions                 \(format(faults.faultMillisecondsPerSecond)) CPU ms per second = \(format(faults.shareOfOneCore * 100, 2))% of one core (budget 5%)")
        print("  sending it over loopback UDP    \(format(faults.sendMillisecondsPerSecond)) CPU ms per second")
        print("  ratio faults / sending          \(format(faults.ratioToSending, 3))x")
        print("")

        let scale = try ScaleBenchmark(
            scene: library.scene(named: "smpte-clock"),
            counts: quick ? [4, 8] : [16, 32, 48, 64, 80, 96, 112, 128, 144, 160],
            windowSeconds: quick ? 3 : 6)
        // Idle memory first, before live cameras have grown the heap.
        let idle = try await scale.idleMemoryPerCamera(count: 1000)
        print("Live cameras, 640x360@15 smpte-clock 600 kbit/s, one loopback TCP viewer each")
        print("  cameras  delivered  worst-camera  skipped  CPU ms/frame  RSS/camera")
        var best = 0
        var bestStep: ScaleBenchmark.Step?
        for count in scale.counts {
            let step = try await scale.step(count)
            print("  \(pad(count, 7))  \(pad(format(step.deliveredFraction * 100, 1) + "%", 9))  \(pad(format(step.worstCameraFraction * 100, 1) + "%", 12))  \(pad(step.skipped, 7))  \(pad(format(step.cpuMillisecondsPerFrame), 12))  \(format(step.memoryPerCameraBytes / 1_048_576, 2)) MiB")
            guard step.isRealTime else { break }
            best = count
            bestStep = step
        }
        print("  real time (every camera >= 95% of its frames): \(best) cameras")
        if let bestStep {
            let rawPerFrame = try PipelineBenchmark(
                scene: library.scene(named: "smpte-clock"),
                settings: EncoderSettings(width: 640, height: 360, frameRate: FrameRate(numerator: 15), rateControl: .averageBitrate(kbps: 600)),
                frames: 60, rounds: 1
            ).run().rawMillisecondsPerFrame
            print("  at \(best) cameras: \(format(bestStep.cpuMillisecondsPerFrame)) CPU ms per delivered frame = \(format(bestStep.cpuMillisecondsPerFrame / rawPerFrame, 2))x raw x264 (\(format(rawPerFrame)) ms)")
        }
        print("  1000 idle configured cameras: \(format(idle / 1024, 1)) KiB resident each")
        print("")

        try await printLoop(
            library: library, quick: quick,
            live: (best, (bestStep?.cpuMillisecondsPerFrame ?? .nan) * 1000))
        try await printLive(library: library, quick: quick, steps: nil)
        try await printUDPViewers(library: library, quick: quick)
        try await control(library: library, quick: quick)
        try await printProxy(library: library, quick: quick)
        try await printSeekLatency(library: library, quick: quick)
        try await printStartup(quick: quick)
        try await hardening(nil, quick: quick, steps: steps, library: library)
    }

    static func printUDPViewers(library: SceneLibrary, quick: Bool) async throws {
        let udp = try await UDPViewersBenchmark(
            scene: library.scene(named: "smpte-clock"), viewers: 200, windowSeconds: quick ? 3 : 5
        ).run()
        print("UDP fan-out, \(udp.viewers) RTP/AVP viewers of one 640x360@15 camera, \(udp.networkThreads) event loops")
        print("  viewers receiving         \(udp.playing) of \(udp.viewers), slowest at \(format(udp.worstFramesPerSecond, 1)) frames/s")
        print("  RTP packets per second    \(format(udp.packetsPerSecond, 0))")
        let ports = udp.sourcePorts.map { "\($0.port) (\($0.packets) packets)" }.joined(separator: ", ")
        print("  RTP source ports          \(udp.sourcePorts.count): \(ports)")
        print("  server CPU per second of media, by thread:")
        for thread in udp.threads {
            print("    \(thread.name.padding(toLength: 16, withPad: " ", startingAt: 0))  \(pad(format(thread.millisecondsPerSecond, 1), 7)) ms")
        }
        print("  server total              \(format(udp.serverMillisecondsPerSecond, 1)) CPU ms per second")
        print("")
    }

    /// The value after `name` in the arguments.
    static func printSnapshot(library: SceneLibrary, quick: Bool) throws {
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: 30))
        let result = try SnapshotBenchmark(
            scene: library.scene(named: "smpte-clock"), settings: settings,
            snapshots: quick ? 20 : 100, rounds: quick ? 1 : 5
        ).run()
        print("Snapshots, 1280x720 smpte-clock, JPEG quality 85 (CPU ms per snapshot, median of rounds)")
        print("  raw x264 encode of one frame (baseline)   \(format(result.rawEncodeMilliseconds)) ms")
        print("  draw + JPEG, full size                    \(format(result.fullMilliseconds)) ms   (\(format(result.fullMilliseconds / result.rawEncodeMilliseconds, 2))x)")
        print("  draw + shrink to 320x180 + JPEG           \(format(result.thumbnailMilliseconds)) ms   (\(format(result.thumbnailMilliseconds / result.rawEncodeMilliseconds, 2))x)")
        print("  JPEG alone, full size                     \(format(result.jpegOnlyMilliseconds)) ms   (\(format(result.jpegOnlyMilliseconds / result.rawEncodeMilliseconds, 2))x)")
        print("")
    }

    static func option(_ name: String, in arguments: ArraySlice<String>) -> String? {
        guard let index = arguments.firstIndex(of: name), arguments.index(after: index) < arguments.endIndex else { return nil }
        return arguments[arguments.index(after: index)]
    }

    static func pad(_ value: Any, _ width: Int) -> String {
        let text = "\(value)"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
