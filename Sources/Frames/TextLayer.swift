/// A line of text from a template, drawn with a glyph atlas.
///
/// The text is rasterised into a coverage mask only when it changes; each frame then
/// blends the mask (and an optional background box) into the picture.
public final class TextLayer: SceneLayer {
    public enum Alignment: String, Sendable, CaseIterable { case left, center, right }

    public let template: TextTemplate
    public let atlas: GlyphAtlas
    /// Anchor point: the top-left corner of the text for `.left`, the top-centre for
    /// `.center`, the top-right for `.right`. The drawn text's top-left corner is rounded
    /// down to even coordinates.
    public let x: Int
    public let y: Int
    public let alignment: Alignment
    public let colour: YCbCr
    public let opacity: Double
    /// Optional box drawn behind the text, `padding` pixels larger on every side.
    public let box: (colour: YCbCr, opacity: Double)?
    public let padding: Int

    private var mask = CoverageMask(width: 0, height: 0)
    private var maskText: String?

    public var isStatic: Bool { !template.isDynamic }

    public init(
        template: TextTemplate, atlas: GlyphAtlas, x: Int, y: Int, alignment: Alignment = .left,
        colour: YCbCr, opacity: Double = 1, box: (colour: YCbCr, opacity: Double)? = nil, padding: Int = 0
    ) {
        self.template = template
        self.atlas = atlas
        self.x = x
        self.y = y
        self.alignment = alignment
        self.colour = colour
        self.opacity = opacity
        self.box = box
        self.padding = padding
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let text = template.render(context: context, width: picture.width, height: picture.height)
        if text != maskText {
            atlas.render(text, into: &mask)
            maskText = text
        }
        // Even coordinates keep the text on whole chroma sites (and on the fast blend path).
        let left: Int
        switch alignment {
        case .left: left = x & ~1
        case .center: left = (x - mask.width / 2) & ~1
        case .right: left = (x - mask.width) & ~1
        }
        let y = self.y & ~1
        var changed = PixelRect.empty
        if let box {
            let padding = self.padding & ~1
            let r = PixelRect(x: left - padding, y: y - padding, width: mask.width + 2 * padding, height: mask.height + 2 * padding)
            changed = changed.union(picture.blend(r, colour: box.colour, opacity: box.opacity))
        }
        changed = changed.union(picture.blend(mask, atX: left, y: y, colour: colour, opacity: opacity))
        return changed
    }
}
