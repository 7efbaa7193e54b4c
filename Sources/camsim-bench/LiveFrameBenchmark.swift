import Cameras
import Foundation
import Frames
import H264
import NIOPosix
import RTP

/// Issue figure: CPU per frame of a live camera's pipeline (render, x264, RFC 6184
/// packetization) run as the server runs it, one job per frame in the stream's lane on
/// an encode worker, against the `x264` command line encoding the same pre-rendered
/// frames from a Y4M file with the same settings, in the same run with alternating
/// rounds. libx264 alone on the same frames in this process shows how much of a gap is
/// the encoder's.
struct LiveFrameBenchmark {
    let scene: Scene
    let settings: EncoderSettings
    let frames: Int
    let rounds: Int
    /// Whether the worker thread is tied to one CPU.
    let pinned: Bool

    struct Result {
        var cliMillisecondsPerFrame: Double
        var rawMillisecondsPerFrame: Double
        var workerMillisecondsPerFrame: Double
        var cliKilobitsPerSecond: Double
        var workerKilobitsPerSecond: Double
        /// The encoder's settings as x264 writes them into its version SEI, from the
        /// command line's stream and from camsim's; equal when the settings match.
        var cliOptions: String
        var cameraOptions: String
        var ratio: Double { workerMillisecondsPerFrame / cliMillisecondsPerFrame }
        var rawRatio: Double { rawMillisecondsPerFrame / cliMillisecondsPerFrame }
    }

    func run() async throws -> Result {
        let baseline = try CommandLineBaseline("x264", scene: scene, settings: settings, frames: frames)
        defer { baseline.remove() }
        let pictures = try PrerenderedFrames.render(
            scene, settings: settings, count: frames, context: { PrerenderedFrames.context($0, frameRate: settings.frameRate) }
        ).pictures
        var cli: [Double] = [], raw: [Double] = [], worker: [Double] = []
        var cliBytes = 0, workerBytes = 0
        for _ in 0..<rounds {
            let (cliMs, bytes) = try baseline.run("x264", outputName: "out.264") { input, output in
                X264CommandLine.options(for: settings) + ["-o", output.path, input.path]
            }
            cli.append(cliMs)
            cliBytes = bytes
            raw.append(try PrerenderedFrames.rawEncodeMilliseconds(pictures, settings: settings))
            let (workerMs, payload) = try await onWorker()
            worker.append(workerMs)
            workerBytes = payload
        }
        let stream = try Data(contentsOf: baseline.directory.appendingPathComponent("out.264"))
        let seconds = Double(frames) / settings.frameRate.framesPerSecond
        return Result(
            cliMillisecondsPerFrame: median(cli), rawMillisecondsPerFrame: median(raw),
            workerMillisecondsPerFrame: median(worker),
            cliKilobitsPerSecond: Double(cliBytes) * 8 / 1000 / seconds,
            workerKilobitsPerSecond: Double(workerBytes) * 8 / 1000 / seconds,
            cliOptions: X264CommandLine.writtenOptions(in: stream) ?? "?",
            cameraOptions: try cameraOptions(pictures[0]) ?? "?")
    }

    /// Milliseconds of process CPU per frame for the pipeline on an encode worker, and
    /// the RTP payload octets. The bench's own thread only waits meanwhile.
    private func onWorker() async throws -> (Double, Int) {
        let workers = EncodeWorkers(numberOfThreads: 1, pinned: pinned)
        workers.start()
        let scene = self.scene
        let definition = StreamDefinition(
            cameraName: "bench", encoder: settings, seed: 1,
            makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let lane = workers.makeLane()
        let source = try await lane.run(eventLoop: loop) { try definition.openMediaSource(definition) }.get()
        let slot = Slot(definition.makePacketizer(1, 0, definition.format.payloadType, definition.maxPacketSize))
        let rate = settings.frameRate
        var payload = 0
        let start = processCPUNanoseconds()
        for index in 0..<frames {
            let request = AccessUnitRequest(
                context: PrerenderedFrames.context(index, frameRate: rate), forceIDR: false,
                rtpTimestamp: UInt32(truncatingIfNeeded: index * 3000))
            payload += try await lane.run(eventLoop: loop) {
                try source.makeAccessUnit(request, packetizer: &slot.packetizer)?.payloadOctets ?? 0
            }.get()
        }
        let elapsed = processCPUNanoseconds() - start
        lane.release()
        source.close()
        try await workers.shutdownGracefully()
        precondition(payload > 0)
        return (Double(elapsed) / 1e6 / Double(frames), payload)
    }

    /// What camsim's encoder writes into its version SEI for these settings.
    private func cameraOptions(_ picture: PictureBuffer) throws -> String? {
        let encoder = try H264Encoder(settings: settings)
        var written: [UInt8] = []
        for index in 0..<2 {
            _ = try encoder.encode(external: picture.view, frameIndex: Int64(index), forceIDR: index == 0) { nals, _ in
                for nal in nals { written += nal }
            }
        }
        return X264CommandLine.writtenOptions(in: written)
    }

    /// The stream's packetizer, borrowed by one encode job at a time.
    private final class Slot: @unchecked Sendable {
        var packetizer: any RTPPacketizer
        init(_ packetizer: any RTPPacketizer) { self.packetizer = packetizer }
    }
}
