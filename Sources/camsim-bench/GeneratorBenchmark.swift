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
            let (pictures, renderNanos) = try PrerenderedFrames.render(
                library.scene(named: name), settings: settings, count: frames
            ) { index in
                FrameContext(
                    frameIndex: Int64(index), mediaTime: Double(index) / 30,
                    wallClockNanos: 1_790_000_000_000_000_000 + Int64(index) * 33_333_333,
                    cameraName: "bench", seed: 7, frameRate: 30)
            }
            return Row(
                scene: name,
                renderMilliseconds: Double(renderNanos) / 1e6 / Double(frames),
                encodeMilliseconds: try PrerenderedFrames.rawEncodeMilliseconds(pictures, settings: settings))
        }
    }
}
