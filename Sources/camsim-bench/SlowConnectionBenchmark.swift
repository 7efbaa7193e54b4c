import Cameras
import Foundation
import Frames
import H264
import Server

/// Issue figure: idle and slow connections. `camsim-load` (a process of its own)
/// holds 500 connections that send nothing and 500 that send a request head one byte
/// a second and never finish it, beside a playing interleaved viewer. The viewer must
/// lose nothing, the server must close every idle and slow connection within its
/// timeout, and a normal client's OPTIONS must answer within 10 ms at p99; the
/// baseline is OPTIONS on the same server before the load.
struct SlowConnectionBenchmark {
    let scene: Scene
    let idle: Int
    let slow: Int
    /// The server's settings under test, in seconds.
    static let headerTimeoutSeconds = 5
    static let idleTimeoutSeconds = 10
    /// A connection may outlive its timeout by this much: the server's timer granularity
    /// and the load's one-second byte spacing.
    static let closeSlackSeconds = 2.0
    static let fps = 15
    static let p99LimitMilliseconds = 10.0
    /// Connections per loopback source address, so a per-address cap is not what closes them.
    static let connectionsPerSource = 20

    struct Result {
        var baseline: LatencySummary
        var loaded: LatencySummary
        var proberFailure: String?
        var linger: LoadProcess.Line?
        var holdSeconds: Double
        var viewerFrames: Int
        var viewerLost: Int
        var viewerFailure: String?
        /// Frames the camera encoded over the same time: every one should reach the viewer.
        var cameraFrames: Int
        /// Frame slots the camera skipped (short of CPU) over that time.
        var cameraSkipped: Int
        var wallClockFrames: Double { Double(SlowConnectionBenchmark.fps) * holdSeconds }

        /// Every frame the camera sent arrived (a frame may still be on its way at either
        /// end of the hold), and no packet is missing from the sequence.
        var viewerUntouched: Bool { viewerFailure == nil && viewerLost == 0 && viewerFrames >= cameraFrames - 2 }
        func closedInTime(_ kind: String, timeout: Int) -> Bool {
            guard let linger else { return false }
            return linger.int("\(kind)_closed") == linger.int(kind) && linger.int("\(kind)_failed") == 0
                && linger.double("\(kind)_held_max_s") <= Double(timeout) + SlowConnectionBenchmark.closeSlackSeconds
        }
        var optionsFast: Bool { proberFailure == nil && loaded.p99 < SlowConnectionBenchmark.p99LimitMilliseconds }
    }

    static func configuration() -> ServerConfiguration {
        ServerConfiguration(
            bindHost: "127.0.0.1", port: 0,
            headerTimeoutSeconds: headerTimeoutSeconds, idleConnectionTimeoutSeconds: idleTimeoutSeconds)
    }

    func run() async throws -> Result {
        ProcessResources.raiseFileLimit()
        let camera = CameraDefinition(path: "cam", streams: [
            StreamDefinition(
                cameraName: "cam",
                encoder: EncoderSettings(width: 640, height: 360, frameRate: FrameRate(numerator: Self.fps),
                                         rateControl: .averageBitrate(kbps: 1000)),
                seed: 1, makeSource: { [scene] width, height in try scene.makeRenderer(width: width, height: height) })
        ])
        let server = CamsimServer(configuration: Self.configuration(), cameras: [camera])
        try await server.start()
        let url = server.url(forPath: "cam")
        let viewer = LoopbackViewer(url: url, port: server.port)
        viewer.start()
        defer { viewer.stop() }
        let prober = OptionsProber(port: server.port, url: url)

        // Baseline: the viewer playing, OPTIONS with nothing else connected.
        let deadline = Date().addingTimeInterval(15)
        while viewer.frameCount < Self.fps, viewer.failure == nil, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        prober.start()
        try await Task.sleep(for: .seconds(3))
        let (baseline, baselineFailure) = await prober.stop()

        let stream = server.stream(atPath: "cam")
        let countersBefore = stream?.counters.snapshot
        let framesBefore = viewer.frameCount
        let lostBefore = viewer.lostPackets
        let start = Date()
        prober.start()
        let total = idle + slow
        let load = try LoadProcess([
            "linger", "--port", "\(server.port)", "--idle", "\(idle)", "--slow", "\(slow)",
            "--sources", "\(max(1, (total + Self.connectionsPerSource - 1) / Self.connectionsPerSource))",
            "--byte-interval", "1", "--hold", "\(max(Self.headerTimeoutSeconds, Self.idleTimeoutSeconds) + 20)",
        ])
        let linger = await load.line("result", timeoutSeconds: Double(max(Self.headerTimeoutSeconds, Self.idleTimeoutSeconds)) + 60)
        let (loaded, loadedFailure) = await prober.stop()
        let hold = Date().timeIntervalSince(start)
        let frames = viewer.frameCount - framesBefore
        let lost = viewer.lostPackets - lostBefore
        let countersAfter = stream?.counters.snapshot
        await load.finish()
        viewer.stop()
        await server.shutdown()
        return Result(
            baseline: LatencySummary(baseline), loaded: LatencySummary(loaded),
            proberFailure: baselineFailure ?? loadedFailure, linger: linger, holdSeconds: hold,
            viewerFrames: frames, viewerLost: lost, viewerFailure: viewer.failure,
            cameraFrames: (countersAfter?.framesEncoded ?? 0) - (countersBefore?.framesEncoded ?? 0),
            cameraSkipped: (countersAfter?.framesSkipped ?? 0) - (countersBefore?.framesSkipped ?? 0))
    }
}
