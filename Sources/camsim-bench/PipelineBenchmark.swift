import Cameras
import Frames
import H264
import RTP

/// Issue figure: CPU per frame of the full camera pipeline (generate, encode,
/// packetize) against raw x264 encoding of the same, pre-rendered frames, measured in
/// the same run with alternating rounds.
struct PipelineBenchmark {
    let scene: Scene
    let settings: EncoderSettings
    let frames: Int
    let rounds: Int

    struct Result {
        var rawMillisecondsPerFrame: Double
        var pipelineMillisecondsPerFrame: Double
        var ratio: Double { pipelineMillisecondsPerFrame / rawMillisecondsPerFrame }
    }

    func run() throws -> Result {
        let prerendered = try prerender()
        var raw: [Double] = []
        var pipeline: [Double] = []
        for _ in 0..<rounds {
            raw.append(try rawEncode(prerendered))
            pipeline.append(try fullPipeline())
        }
        return Result(rawMillisecondsPerFrame: median(raw), pipelineMillisecondsPerFrame: median(pipeline))
    }

    private func context(_ index: Int) -> FrameContext {
        let fps = settings.frameRate
        let media = fps.nanoseconds(untilFrame: Int64(index))
        return FrameContext(
            frameIndex: Int64(index), mediaTime: Double(media) / 1e9,
            wallClockNanos: 1_790_000_000_000_000_000 + media, cameraName: "bench", seed: 1,
            frameRate: fps.framesPerSecond)
    }

    /// The same frames the pipeline will draw, rendered beforehand (not timed).
    private func prerender() throws -> [PictureBuffer] {
        let renderer = try scene.makeRenderer(width: settings.width, height: settings.height)
        let canvas = PictureBuffer(width: settings.width, height: settings.height)
        return (0..<frames).map { index in
            renderer.render(into: canvas.view, context: context(index))
            let copy = PictureBuffer(width: settings.width, height: settings.height)
            copy.view.copy(from: canvas.view)
            return copy
        }
    }

    /// Milliseconds of CPU per frame for x264 alone, reading the pre-rendered planes in place.
    private func rawEncode(_ pictures: [PictureBuffer]) throws -> Double {
        let encoder = try H264Encoder(settings: settings)
        var bytes = 0
        let start = threadCPUNanoseconds()
        for (index, picture) in pictures.enumerated() {
            bytes += try encoder.encode(external: picture.view, frameIndex: Int64(index), forceIDR: false) { nals, _ in
                nals.reduce(0) { $0 + $1.count }
            } ?? 0
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(bytes > 0)
        return Double(elapsed) / 1e6 / Double(pictures.count)
    }

    /// Milliseconds of CPU per frame for render + encode + RTP packetization.
    private func fullPipeline() throws -> Double {
        let scene = self.scene
        let definition = StreamDefinition(
            cameraName: "bench", encoder: settings, seed: 1,
            makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
        let pipeline = try EncodingPipeline(definition: definition)
        var packetizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 0)
        var packets = 0
        let start = threadCPUNanoseconds()
        for index in 0..<frames {
            let batch = try pipeline.makeAccessUnit(
                frame: Int64(index), context: context(index), forceIDR: false,
                timestamp: UInt32(truncatingIfNeeded: index * 3000), packetizer: &packetizer)
            packets += batch?.packetCount ?? 0
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(packets > 0)
        return Double(elapsed) / 1e6 / Double(frames)
    }
}
