/// An A/V-sync flash: fills its region (by default the whole frame) with white on the
/// first `frames` frames of every second of media time, and draws nothing otherwise.
/// Pair it with an audio beep at each whole second to measure lip-sync offset.
///
/// Frame n (media time t = n/fps) flashes when `frac(t) · fps < frames − ½`; for whole
/// frame rates that is `n mod fps < frames`.
public final class Flash: SceneLayer {
    public let region: PixelRect
    public let colour: YCbCr
    public let frames: Int
    public var isStatic: Bool { false }

    public init(region: PixelRect, colour: YCbCr, frames: Int = 1) {
        self.region = region
        self.colour = colour
        self.frames = max(1, frames)
    }

    /// Whether the frame with this context flashes.
    public func isFlashing(_ context: FrameContext) -> Bool {
        let t = context.mediaTime + 1e-9  // absorb n/fps rounding just below a whole second
        let fraction = t - t.rounded(.down)
        return fraction * context.frameRate < Double(frames) - 0.5
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        guard isFlashing(context) else { return .empty }
        picture.fill(region, with: colour)
        return region
    }
}
