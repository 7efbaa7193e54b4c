import Cameras
import Frames
import JPEG

/// Draws one stream's picture for snapshots, apart from its encoder: the stream's own
/// scene at the size the stream draws now, for the frame slot due now, shrunk if asked
/// and JPEG-encoded.
///
/// It keeps what is costly to make between requests: the scene's frame source (glyph
/// atlases, cached static layers), the full-size picture, the shrunk picture, the JPEG
/// encoder and the last JPEG. The picture is only redrawn when the frame slot or size
/// changes, and not while a freeze fault holds it still, so a frozen camera's snapshot
/// shows the picture from before the freeze, as its viewers see. Not thread-safe:
/// `Snapshotter` only calls it under a lock of its own.
final class StreamSnapshotRenderer: @unchecked Sendable {
    let definition: StreamDefinition
    private let encoder: JPEGEncoder
    private var source: (any FrameSource)?
    private var picture: PictureBuffer?
    private var scaled: PictureBuffer?
    /// The frame slot the picture holds, and a count bumped with each redraw.
    private var drawn: (frame: Int64, wallClockNanos: Int64)?
    private var generation = 0
    /// The last JPEG, for the picture generation and size it was made from.
    private var lastJPEG: (generation: Int, size: PictureSize, bytes: [UInt8])?
    /// A clock of the renderer's own for a stream whose frame clock has never run.
    private var ownOrigin: ClockReading?

    /// What a renderer of a stream drawn at `size` holds, about: two I420 pictures (its
    /// picture, and the scene's cached layers and the smaller shrunk picture and JPEG
    /// together weigh about another). 1920x1080: 6.2 MB.
    static func estimatedBytes(of size: PictureSize) -> Int {
        2 * (size.width * size.height * 3 / 2)
    }

    init(definition: StreamDefinition, quality: Int) throws {
        self.definition = definition
        encoder = try JPEGEncoder(quality: quality)
    }

    func snapshot(at moment: StreamPictureMoment, width: Int?) throws -> Snapshot {
        let size = moment.size
        let context = moment.context ?? ownContext(at: moment)
        if picture?.width != size.width || picture?.height != size.height {
            source = try definition.makeSource(size.width, size.height)
            picture = PictureBuffer(width: size.width, height: size.height)
            drawn = nil
        }
        guard let source, let picture else { preconditionFailure("snapshot source not made") }
        if drawn == nil || (!moment.isFrozen && drawn?.frame != context.frameIndex) {
            source.render(into: picture.view, context: context)
            drawn = (context.frameIndex, context.wallClockNanos)
            generation &+= 1
        }
        let output = SnapshotScale.outputSize(of: size, width: width)
        let shown = drawn!
        if let lastJPEG, lastJPEG.generation == generation, lastJPEG.size == output {
            return Snapshot(jpeg: lastJPEG.bytes, size: output, frameIndex: shown.frame, wallClockNanos: shown.wallClockNanos)
        }
        var view = picture.view
        if output != size {
            if scaled?.width != output.width || scaled?.height != output.height {
                scaled = PictureBuffer(width: output.width, height: output.height)
            }
            view.downscale(into: scaled!.view)
            view = scaled!.view
        }
        // The samples keep the matrix of the size the stream draws at, whatever the output size.
        let jpeg = try encoder.encode(view, standard: .forPicture(height: size.height))
        lastJPEG = (generation, output, jpeg)
        return Snapshot(jpeg: jpeg, size: output, frameIndex: shown.frame, wallClockNanos: shown.wallClockNanos)
    }

    /// The frame slot due now on a clock that started with the first snapshot.
    private func ownContext(at moment: StreamPictureMoment) -> FrameContext {
        let origin = ownOrigin ?? moment.reading
        ownOrigin = origin
        let rate = definition.encoder.frameRate
        let frame = rate.frameIndex(atNanoseconds: moment.reading.monotonic - origin.monotonic)
        let media = rate.nanoseconds(untilFrame: frame)
        return FrameContext(
            frameIndex: frame, mediaTime: Double(media) / 1e9, wallClockNanos: origin.wall + media,
            cameraName: definition.drawnCameraName, seed: moment.seed, frameRate: rate.framesPerSecond)
    }
}
