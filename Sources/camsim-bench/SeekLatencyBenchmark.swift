import Cameras
import Foundation
import Frames
import H264
import Server

/// Seek latency: from sending PLAY with a Range on a playback session to receiving the
/// first RTP packet of the frame sought (the packet RTP-Info names), over loopback TCP.
/// The baseline, measured in the same run, is a live PLAY on the same camera: from
/// sending PLAY to its first packet (an IDR asked for on join).
struct SeekLatencyBenchmark {
    let scene: Scene
    let seeks: Int

    static let width = 640, height = 360, fps = 15

    struct Result {
        var seek: LatencySummary
        var live: LatencySummary
    }

    func camera() -> CameraDefinition {
        let scene = self.scene
        var camera = CameraDefinition(path: "lobby", streams: [
            StreamDefinition(
                cameraName: "lobby",
                encoder: EncoderSettings(width: Self.width, height: Self.height, frameRate: FrameRate(numerator: Self.fps)),
                idleStopDelayNanoseconds: 5_000_000_000, seed: 7,
                makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
        ])
        let start = Int64(Date().timeIntervalSince1970 - 86_400) * 1_000_000_000
        camera.recording = RecordingArchive(startNanoseconds: start, endNanoseconds: nil)
        return camera
    }

    func run() async throws -> Result {
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0), cameras: [camera()])
        try await server.start()
        var generator = SystemRandomNumberGenerator()
        let seek: [Double], live: [Double]
        do {
            seek = try measure(url: server.url(forPath: "lobby/playback"), port: server.port) {
                "Range: npt=\(Int.random(in: 60...80_000, using: &generator)).\(Int.random(in: 0...999, using: &generator))-\r\n"
            }
            live = try measure(url: server.url(forPath: "lobby"), port: server.port) { "Range: npt=0.000-\r\n" }
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
        return Result(seek: LatencySummary(seek), live: LatencySummary(live))
    }

    /// Sets up `url` and times `seeks` rounds of PAUSE, then PLAY with `range()`, to the
    /// packet the PLAY answer's RTP-Info names (RFC 2326 §12.33), in milliseconds.
    private func measure(url: String, port: Int, range: () -> String) throws -> [Double] {
        let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 2)
        defer { socket.close() }
        var cSeq = 1
        let setup = try socket.request(
            "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: \(cSeq)\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n")
        guard setup.status == 200, let session = setup.header("Session")?.split(separator: ";").first else {
            throw BenchError.protocolError("SETUP answered \(setup.status ?? 0)")
        }
        var latencies: [Double] = []
        for _ in 0..<seeks {
            cSeq += 1
            let start = DispatchTime.now().uptimeNanoseconds
            let play = try socket.request("PLAY \(url)/ RTSP/1.0\r\nCSeq: \(cSeq)\r\nSession: \(session)\r\n\(range())\r\n")
            guard play.status == 200, let info = play.header("RTP-Info"),
                  let seqText = info.split(separator: ";").first(where: { $0.hasPrefix("seq=") })?.dropFirst(4),
                  let seq = UInt16(seqText)
            else { throw BenchError.protocolError("PLAY answered \(play.status ?? 0)") }
            while true {
                guard let (channel, payload) = try socket.readInterleaved() else {
                    throw BenchError.protocolError("no packet after PLAY")
                }
                let index = payload.startIndex
                if channel == 0, payload.count >= 12, UInt16(payload[index + 2]) << 8 | UInt16(payload[index + 3]) == seq { break }
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cSeq += 1
            _ = try socket.request("PAUSE \(url)/ RTSP/1.0\r\nCSeq: \(cSeq)\r\nSession: \(session)\r\n\r\n")
        }
        return latencies
    }
}

extension Bench {
    static func printSeekLatency(library: SceneLibrary, quick: Bool) async throws {
        let result = try await SeekLatencyBenchmark(
            scene: try library.scene(named: "timecode"), seeks: quick ? 10 : 40
        ).run()
        print("Seek latency, 640x360@15 timecode recording, loopback TCP (PLAY sent to first RTP packet, ms)")
        print("  seek (PAUSE, PLAY Range: npt=random)  median \(format(result.seek.p50)) ms  p99 \(format(result.seek.p99)) ms  (budget: median 100 ms)")
        print("  live PLAY of the same camera          median \(format(result.live.p50)) ms  p99 \(format(result.live.p99)) ms")
        print("  ratio seek / live (median)            \(format(result.seek.p50 / result.live.p50, 2))x")
        print("")
    }
}
