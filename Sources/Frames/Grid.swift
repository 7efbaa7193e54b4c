/// A grid of horizontal and vertical lines `lineWidth` pixels thick, one every `spacing`
/// pixels from the region's top-left (lines start at x = k·spacing, y = k·spacing),
/// over an optional background colour (otherwise drawn over what lies below).
public final class Grid: SceneLayer {
    public let region: PixelRect
    public let spacing: Int
    public let lineWidth: Int
    public let colour: YCbCr
    public let background: YCbCr?
    public var isStatic: Bool { true }

    public init(region: PixelRect, spacing: Int, lineWidth: Int, colour: YCbCr, background: YCbCr?) {
        self.region = region
        self.spacing = max(2, spacing)
        self.lineWidth = max(1, min(lineWidth, spacing - 1))
        self.colour = colour
        self.background = background
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let r = region
        if let background { picture.fill(r, with: background) }
        var x = 0
        while x < r.width {
            picture.fill(PixelRect(x: r.x + x, y: r.y, width: min(lineWidth, r.width - x), height: r.height), with: colour)
            x += spacing
        }
        var y = 0
        while y < r.height {
            picture.fill(PixelRect(x: r.x, y: r.y + y, width: r.width, height: min(lineWidth, r.height - y)), with: colour)
            y += spacing
        }
        return r
    }
}
