import Cameras
import Frames
import H264
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A clock the tests move by hand.
final class ManualClock: MonotonicClock {
    private let now = NIOLockedValueBox<Int64>(1_000_000_000)
    static let wallOffset: Int64 = 1_767_225_600 * 1_000_000_000

    func nanoseconds() -> Int64 { now.withLockedValue { $0 } }
    func wallClockNanoseconds() -> Int64 { nanoseconds() + Self.wallOffset }
    func deadline(forNanoseconds nanos: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(max(0, nanos))) }
    func advance(seconds: Double) { now.withLockedValue { $0 += Int64(seconds * 1e9) } }
}

/// Draws a flat grey whose luma is 16 + 2·(frame index mod 100), and counts how
/// often sources are made and frames drawn.
final class FrameLevelSource: FrameSource {
    let counts: NIOLockedValueBox<Counts>

    struct Counts { var sourcesMade = 0; var framesDrawn = 0; var sizes: [PictureSize] = [] }

    init(counts: NIOLockedValueBox<Counts>) { self.counts = counts }

    static func level(ofFrame frame: Int64) -> UInt8 { UInt8(16 + 2 * (frame % 100)) }

    func render(into picture: PictureView, context: FrameContext) {
        counts.withLockedValue { $0.framesDrawn += 1 }
        picture.fill(YCbCr(y: Self.level(ofFrame: context.frameIndex), cb: 128, cr: 128))
    }
}

/// One idle stream (nobody watches it) on a loop of its own, with a manual clock.
struct StreamFixture {
    let stream: CameraStream
    let clock: ManualClock
    let counts: NIOLockedValueBox<FrameLevelSource.Counts>

    init(width: Int = 640, height: Int = 360, fps: Int = 10, pictureFaults: PictureFaults = .none,
         on group: any EventLoopGroup, pool: NIOThreadPool) {
        let counts = NIOLockedValueBox(FrameLevelSource.Counts())
        var definition = StreamDefinition(
            cameraName: "snap", streamName: "main",
            encoder: EncoderSettings(width: width, height: height, frameRate: FrameRate(numerator: fps), gop: fps),
            seed: 7,
            makeSource: { w, h in
                counts.withLockedValue { $0.sourcesMade += 1; $0.sizes.append(PictureSize(width: w, height: h)) }
                return FrameLevelSource(counts: counts)
            })
        definition.pictureFaults = pictureFaults
        clock = ManualClock()
        self.counts = counts
        stream = CameraStream(definition: definition, eventLoop: group.next(), encodePool: pool, clock: clock)
    }
}
