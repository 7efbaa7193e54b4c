import Frames
import H264
import JPEG

/// What a snapshot costs: drawing the scene, shrinking it and JPEG-encoding it, in CPU
/// milliseconds per snapshot, against x264 encoding one frame of the same size (the work
/// a live stream does per frame), measured in the same run with alternating rounds.
struct SnapshotBenchmark {
    let scene: Scene
    let settings: EncoderSettings
    let snapshots: Int
    let rounds: Int

    struct Result {
        var rawEncodeMilliseconds: Double
        /// Draw + JPEG at full size, draw + shrink to 320 wide + JPEG, JPEG alone at full size.
        var fullMilliseconds: Double
        var thumbnailMilliseconds: Double
        var jpegOnlyMilliseconds: Double
    }

    func run() throws -> Result {
        let prerendered = try PrerenderedFrames.render(scene, settings: settings, count: snapshots, context: context).pictures
        var raw: [Double] = [], full: [Double] = [], thumbnail: [Double] = [], jpegOnly: [Double] = []
        for _ in 0..<rounds {
            raw.append(try PrerenderedFrames.rawEncodeMilliseconds(prerendered, settings: settings))
            full.append(try drawAndEncode(width: nil))
            thumbnail.append(try drawAndEncode(width: 320))
            jpegOnly.append(try encodeOnly(prerendered))
        }
        return Result(
            rawEncodeMilliseconds: median(raw), fullMilliseconds: median(full),
            thumbnailMilliseconds: median(thumbnail), jpegOnlyMilliseconds: median(jpegOnly))
    }

    /// One snapshot per frame slot, as `StreamSnapshotRenderer` makes them: the scene drawn
    /// into a kept picture, shrunk if asked, encoded by a kept JPEG encoder.
    private func drawAndEncode(width: Int?) throws -> Double {
        let renderer = try scene.makeRenderer(width: settings.width, height: settings.height)
        let picture = PictureBuffer(width: settings.width, height: settings.height)
        let scaled = width.map { PictureBuffer(width: $0, height: $0 * settings.height / settings.width / 2 * 2) }
        let encoder = try JPEGEncoder()
        let standard = ColourStandard.forPicture(height: settings.height)
        var bytes = 0
        let start = threadCPUNanoseconds()
        for index in 0..<snapshots {
            renderer.render(into: picture.view, context: context(index))
            var view = picture.view
            if let scaled {
                view.downscale(into: scaled.view)
                view = scaled.view
            }
            bytes += try encoder.withJPEG(view, standard: standard) { $0.count }
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(bytes > 0)
        return Double(elapsed) / 1e6 / Double(snapshots)
    }

    private func encodeOnly(_ pictures: [PictureBuffer]) throws -> Double {
        let encoder = try JPEGEncoder()
        let standard = ColourStandard.forPicture(height: settings.height)
        var bytes = 0
        let start = threadCPUNanoseconds()
        for picture in pictures { bytes += try encoder.withJPEG(picture.view, standard: standard) { $0.count } }
        let elapsed = threadCPUNanoseconds() - start
        precondition(bytes > 0)
        return Double(elapsed) / 1e6 / Double(pictures.count)
    }

    private func context(_ index: Int) -> FrameContext {
        // One snapshot a second: each one a new frame slot.
        let fps = settings.frameRate
        let media = fps.nanoseconds(untilFrame: Int64(index) * 30)
        return FrameContext(
            frameIndex: Int64(index) * 30, mediaTime: Double(media) / 1e9,
            wallClockNanos: 1_790_000_000_000_000_000 + media, cameraName: "bench", seed: 1,
            frameRate: fps.framesPerSecond)
    }
}
