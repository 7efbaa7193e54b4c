/// A rectangle of one colour, optionally translucent.
public final class SolidColour: SceneLayer {
    public let region: PixelRect
    public let colour: YCbCr
    public let opacity: Double
    public var isStatic: Bool { true }

    public init(region: PixelRect, colour: YCbCr, opacity: Double = 1) {
        self.region = region
        self.colour = colour
        self.opacity = opacity
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        picture.blend(region, colour: colour, opacity: opacity)
    }
}
