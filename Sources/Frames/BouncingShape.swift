/// A square box or a round ball bouncing inside its region. Its position is a pure
/// function of the frame index n, so tests and viewers can predict it exactly:
///
///     Lx = region.width  − size,  Ly = region.height − size     (travel in pixels)
///     x(n) = region.x + tri(n · speedX, Lx)
///     y(n) = region.y + tri(n · speedY, Ly)
///     tri(p, L) = m ≤ L ? m : 2L − m,  where m = p mod 2L (non-negative; tri = 0 when L = 0)
///
/// (x, y) is the top-left corner of the shape's size × size square; the speeds are in
/// pixels per frame, so the shape starts in the top-left corner, moves right and down,
/// and reflects off each edge.
public final class BouncingShape: SceneLayer {
    public enum Shape: Sendable { case box, ball }

    public let region: PixelRect
    public let shape: Shape
    public let size: Int
    public let colour: YCbCr
    public let speedX: Int
    public let speedY: Int
    public let opacity: Double
    private let disc: CoverageMask?
    public var isStatic: Bool { false }

    public init(region: PixelRect, shape: Shape, size: Int, colour: YCbCr, speedX: Int, speedY: Int, opacity: Double = 1) {
        self.region = region
        self.shape = shape
        self.size = size
        self.colour = colour
        self.speedX = speedX
        self.speedY = speedY
        self.opacity = opacity
        disc = shape == .ball ? CoverageMask.disc(diameter: size) : nil
    }

    /// The triangle wave above.
    public static func triangle(_ p: Int64, travel: Int) -> Int {
        guard travel > 0 else { return 0 }
        let period = Int64(2 * travel)
        let m = floorDivide(p, period).remainder
        return Int(m <= Int64(travel) ? m : period - m)
    }

    /// The shape's top-left corner at frame `n`.
    public func position(frameIndex n: Int64) -> (x: Int, y: Int) {
        (region.x + Self.triangle(n &* Int64(speedX), travel: region.width - size),
         region.y + Self.triangle(n &* Int64(speedY), travel: region.height - size))
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let (x, y) = position(frameIndex: context.frameIndex)
        if let disc {
            return picture.blend(disc, atX: x, y: y, colour: colour, opacity: opacity)
        }
        return picture.blend(PixelRect(x: x, y: y, width: size, height: size), colour: colour, opacity: opacity)
    }
}
