import Frames
import H264

/// Issue figure: what each shipped scene costs to draw at 1280x720, as a fraction of
/// x264 ultrafast encoding the same frames, both measured here.
struct GeneratorBenchmark {
    let library: SceneLibrary
    let frames: Int

    struct Row {
        var scene: String
        var renderMilliseconds: Double
        var encodeMilliseconds: Double
        var fraction: Double { renderMilliseconds / encodeMilliseconds }
    }

    func run() throws -> [Row] {
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: 30))
        return try library.sceneNames().map { name in
            let scene = try library.scene(named: name)
            let renderer = try scene.makeRenderer(width: settings.width, height: settings.height)
            let canvas = PictureBuffer(width: settings.width, height: settings.height)
            var copies: [PictureBuffer] = []
            var renderNanos: Int64 = 0
            for index in 0..<frames {
                let context = FrameContext(
                    frameIndex: Int64(index), mediaTime: Double(index) / 30,
                    wallClockNanos: 1_790_000_000_000_000_000 + Int64(index) * 33_333_333,
                    cameraName: "bench", seed: 7, frameRate: 30)
                let start = threadCPUNanoseconds()
                renderer.render(into: canvas.view, context: context)
                renderNanos += threadCPUNanoseconds() - start
                let copy = PictureBuffer(width: settings.width, height: settings.height)
                copy.view.copy(from: canvas.view)
                copies.append(copy)
            }
            let encoder = try H264Encoder(settings: settings)
            let start = threadCPUNanoseconds()
            for (index, picture) in copies.enumerated() {
                _ = try encoder.encode(external: picture.view, frameIndex: Int64(index), forceIDR: false) { nals, _ in nals.count }
            }
            let encodeNanos = threadCPUNanoseconds() - start
            return Row(
                scene: name,
                renderMilliseconds: Double(renderNanos) / 1e6 / Double(frames),
                encodeMilliseconds: Double(encodeNanos) / 1e6 / Double(frames))
        }
    }
}
