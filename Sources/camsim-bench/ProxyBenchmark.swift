import Cameras
import Foundation
import Frames
import H264
import Server

/// Issue figure for proxy cameras: the server's CPU per RTP packet per viewer when it
/// relays an upstream, against the same server sending its own encoder's stream to the
/// same number of UDP viewers, in the same run. Only event-loop threads are counted, so
/// the synthetic side's encode (on the encode pool) is left out and what is compared is
/// the cost of a viewer; the proxy side's figure includes packetizing the upstream's
/// units, which it does on the stream's loop. The upstream is a feeder thread replaying
/// access units x264 made beforehand, so no RTSP client's receive cost is counted.
struct ProxyBenchmark {
    let scene: Scene
    let viewers: Int
    let windowSeconds: Double
    static let settings = EncoderSettings(
        width: 640, height: 360, frameRate: FrameRate(numerator: 15), rateControl: .averageBitrate(kbps: 600), gop: 15)

    struct Side {
        var packets: Int
        var eventLoopNanoseconds: Int64
        var nanosecondsPerPacket: Double { packets > 0 ? Double(eventLoopNanoseconds) / Double(packets) : .nan }
    }

    struct Result {
        var synthetic: Side
        var proxy: Side
        var ratio: Double { proxy.nanosecondsPerPacket / synthetic.nanosecondsPerPacket }
    }

    func run() async throws -> Result {
        let synthetic = try await measure(StreamDefinition(
            cameraName: "cam", encoder: Self.settings, idleStopDelayNanoseconds: 0, seed: 1,
            makeSource: { [scene] width, height in try scene.makeRenderer(width: width, height: height) }))
        let (units, parameterSets) = try encodeAhead(count: 150)
        var relayed = StreamDefinition(
            cameraName: "cam", encoder: Self.settings, idleStopDelayNanoseconds: 0, seed: 1,
            makeSource: { _, _ in throw BenchError.protocolError("a proxy draws nothing") })
        relayed.proxy = ProxySettings(upstream: ReplayUpstream(
            units: units, parameterSets: parameterSets, frameNanoseconds: 1_000_000_000 / 15))
        let proxy = try await measure(relayed)
        return Result(synthetic: synthetic, proxy: proxy)
    }

    /// Serves `definition` at `cam` to the viewers and counts packets and event-loop CPU.
    private func measure(_ definition: StreamDefinition) async throws -> Side {
        let server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0),
            cameras: [CameraDefinition(path: "cam", streams: [definition])])
        try await server.start()
        let receiver = try UDPViewerReceiver(count: viewers)
        receiver.start()
        var connections: [LoopbackSocket] = []
        defer { connections.forEach { $0.close() } }
        let url = server.url(forPath: "cam")
        for port in receiver.rtpPorts {
            connections.append(try UDPViewersBenchmark.play(url: url, serverPort: server.port, clientRTPPort: port))
        }
        try await Task.sleep(for: .seconds(2))  // warm-up: every viewer past its first IDR
        let startCounts = receiver.snapshot()
        let startThreads = ThreadCPU.read()
        try await Task.sleep(for: .seconds(windowSeconds))
        let threadsNow = ThreadCPU.read()
        let counts = receiver.snapshot()
        receiver.stop()
        await server.shutdown()
        var used: Int64 = 0
        for (id, now) in threadsNow where now.name.hasPrefix("NIO-ELT") {
            used += max(0, now.nanoseconds - (startThreads[id]?.nanoseconds ?? 0))
        }
        return Side(packets: counts.packets - startCounts.packets, eventLoopNanoseconds: used)
    }

    /// `count` access units of the scene, encoded before the measurement.
    private func encodeAhead(count: Int) throws -> ([UpstreamAccessUnit], ParameterSets) {
        let settings = Self.settings
        let rate = settings.frameRate
        let (pictures, _) = try PrerenderedFrames.render(scene, settings: settings, count: count) { index in
            FrameContext(
                frameIndex: Int64(index), mediaTime: Double(index) / rate.framesPerSecond,
                wallClockNanos: Int64(index) * 1_000_000_000 / 15, cameraName: "cam", seed: 1,
                frameRate: rate.framesPerSecond)
        }
        let encoder = try H264Encoder(settings: settings)
        var units: [UpstreamAccessUnit] = []
        for (index, picture) in pictures.enumerated() {
            let unit = try encoder.encode(external: picture.view, frameIndex: Int64(index), forceIDR: index == 0) { nals, isIDR in
                UpstreamAccessUnit(
                    nalUnits: nals.map { Array($0) }, rtpTimestamp: UInt32(index) * 6_000, isIDR: isIDR)
            }
            if let unit { units.append(unit) }
        }
        return (units, try encoder.parameterSets())
    }
}

/// An upstream that replays access units in a loop at the frame rate, from a thread of
/// its own (named so the benchmark does not count it as the server's).
final class ReplayUpstream: ProxyUpstream, @unchecked Sendable {
    let units: [UpstreamAccessUnit]
    let parameterSets: ParameterSets
    let frameNanoseconds: UInt64
    let displayURL = "rtsp://replay.bench/live"

    init(units: [UpstreamAccessUnit], parameterSets: ParameterSets, frameNanoseconds: UInt64) {
        self.units = units
        self.parameterSets = parameterSets
        self.frameNanoseconds = frameNanoseconds
    }

    func open(events: @escaping @Sendable (UpstreamEvent) -> Void) -> any UpstreamSession {
        let session = Session()
        let units = units
        let loopLength = UInt32(units.count) * 6_000
        let period = frameNanoseconds
        events(.described(UpstreamDescription(encodingName: "H264", parameterSets: parameterSets, frameRate: 15)))
        let thread = Thread {
            var index = 0
            while !session.isClosed {
                var unit = units[index % units.count]
                unit.rtpTimestamp &+= UInt32(index / units.count) &* loopLength
                events(.accessUnit(unit))
                index += 1
                Thread.sleep(forTimeInterval: Double(period) / 1e9)
            }
        }
        thread.name = "bench-upstream"
        thread.start()
        return session
    }

    final class Session: UpstreamSession, @unchecked Sendable {
        private let lock = NSLock()
        private var closed = false
        var isClosed: Bool { lock.withLock { closed } }
        func close() { lock.withLock { closed = true } }
    }
}

extension Bench {
    static func printProxy(library: SceneLibrary, quick: Bool) async throws {
        let viewers = quick ? 4 : 16
        let result = try await ProxyBenchmark(
            scene: try library.scene(named: "smpte-clock"), viewers: viewers, windowSeconds: quick ? 3 : 8
        ).run()
        print("Proxy relay, 640x360@15, \(viewers) UDP viewers (event-loop CPU per RTP packet per viewer)")
        print("  synthetic camera, encode excluded   \(format(result.synthetic.nanosecondsPerPacket / 1000, 2)) µs  (\(result.synthetic.packets) packets)")
        print("  proxy camera, relaying upstream     \(format(result.proxy.nanosecondsPerPacket / 1000, 2)) µs  (\(result.proxy.packets) packets)")
        print("  ratio proxy / synthetic             \(format(result.ratio, 2))x   (budget 1.00x)")
        print("")
    }
}
