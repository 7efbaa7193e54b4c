import Frames
import H264

/// A scene's frames drawn ahead of encoding, and x264 alone encoding them: the
/// baseline the pipeline and scene figures are measured against.
enum PrerenderedFrames {
    /// Draws `count` frames of `scene` into copies, and the thread CPU nanoseconds the
    /// drawing took (the copies are not counted).
    static func render(
        _ scene: Scene, settings: EncoderSettings, count: Int, context: (Int) -> FrameContext
    ) throws -> (pictures: [PictureBuffer], renderNanoseconds: Int64) {
        let renderer = try scene.makeRenderer(width: settings.width, height: settings.height)
        let canvas = PictureBuffer(width: settings.width, height: settings.height)
        var pictures: [PictureBuffer] = []
        var renderNanoseconds: Int64 = 0
        for index in 0..<count {
            let start = threadCPUNanoseconds()
            renderer.render(into: canvas.view, context: context(index))
            renderNanoseconds += threadCPUNanoseconds() - start
            let copy = PictureBuffer(width: settings.width, height: settings.height)
            copy.view.copy(from: canvas.view)
            pictures.append(copy)
        }
        return (pictures, renderNanoseconds)
    }

    /// Frame `index` of a bench camera at `frameRate`: media time from frame 0, a fixed
    /// wall clock origin, seed 1.
    static func context(_ index: Int, frameRate fps: FrameRate) -> FrameContext {
        let media = fps.nanoseconds(untilFrame: Int64(index))
        return FrameContext(
            frameIndex: Int64(index), mediaTime: Double(media) / 1e9,
            wallClockNanos: 1_790_000_000_000_000_000 + media, cameraName: "bench", seed: 1,
            frameRate: fps.framesPerSecond)
    }

    /// Milliseconds of thread CPU per frame for x264 alone, reading the pictures in place.
    static func rawEncodeMilliseconds(_ pictures: [PictureBuffer], settings: EncoderSettings) throws -> Double {
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
}
