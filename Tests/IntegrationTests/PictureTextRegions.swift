import Frames
import Testing

/// Where parts of a text layer's line land in the picture, from the layer's own
/// position, alignment and font (camsim's fonts are monospaced: every character,
/// digits and punctuation alike, has the same advance).
enum PictureTextRegions {
    /// The text layers of `scene` at a size, in drawing order.
    static func textLayers(of scene: Scene, width: Int, height: Int) throws -> [TextLayer] {
        try scene.makeSceneRenderer(width: width, height: height).layers.compactMap { $0 as? TextLayer }
    }

    /// The rectangle of characters `characters` of `sample` (a rendering of the layer's
    /// template; its length must not change from frame to frame) as `layer` draws it.
    /// Follows `TextLayer.draw`: the mask is rounded up to even width and height, and its
    /// left edge is the anchor (minus the width for right alignment, minus half for
    /// centring) rounded down to even.
    static func region(of characters: Range<Int>, in sample: String, layer: TextLayer) throws -> PictureRect {
        let advance = layer.atlas.width(of: "0")
        try #require(advance > 0)
        try #require(
            layer.atlas.width(of: sample) == sample.unicodeScalars.count * advance,
            "the layer's font is not monospaced for \"\(sample)\"")
        var mask = CoverageMask(width: 0, height: 0)
        layer.atlas.render(sample, into: &mask)
        let left: Int
        switch layer.alignment {
        case .left: left = layer.x & ~1
        case .center: left = (layer.x - mask.width / 2) & ~1
        case .right: left = (layer.x - mask.width) & ~1
        }
        return PictureRect(
            x: left + characters.lowerBound * advance, y: layer.y & ~1,
            width: characters.count * advance, height: mask.height)
    }
}
