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
        let prerendered = try PrerenderedFrames.render(scene, settings: settings, count: frames, context: context).pictures
        var raw: [Double] = []
        var pipeline: [Double] = []
        for _ in 0..<rounds {
            raw.append(try PrerenderedFrames.rawEncodeMilliseconds(prerendered, settings: settings))
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

    /// Milliseconds of CPU per frame for render + encode + RTP packetization.
    private func fullPipeline() throws -> Double {
        let scene = self.scene
        let definition = StreamDefinition(
            cameraName: "bench", encoder: settings, seed: 1,
            makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
        let pipeline = try EncodingPipeline(definition: definition)
        var packetizer: any RTPPacketizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 0)
        var packets = 0
        let start = threadCPUNanoseconds()
        for index in 0..<frames {
            let request = AccessUnitRequest(
                context: context(index), forceIDR: false, rtpTimestamp: UInt32(truncatingIfNeeded: index * 3000))
            let batch = try pipeline.makeAccessUnit(request, packetizer: &packetizer)
            packets += batch?.packetCount ?? 0
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(packets > 0)
        return Double(elapsed) / 1e6 / Double(frames)
    }
}
