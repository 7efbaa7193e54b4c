/// Scales levels towards black and neutral chroma, as an under-exposed camera would:
///
///     Y' = 16 + (Y − 16)·gain,   C' = 128 + (C − 128)·saturation     (round half up, clamped to 1...254)
///
/// Static: it is applied once to the cached base, below any noise.
public final class LevelsLayer: SceneLayer {
    public let region: PixelRect
    public let gain: Double
    public let saturation: Double
    private let lumaMap: [UInt8]
    private let chromaMap: [UInt8]
    public var isStatic: Bool { true }

    public init(region: PixelRect, gain: Double, saturation: Double) {
        self.region = region
        self.gain = gain
        self.saturation = saturation
        lumaMap = (0..<256).map { ColourStandard.quantise(16 + (Double($0) - 16) * gain) }
        chromaMap = (0..<256).map { ColourStandard.quantise(128 + (Double($0) - 128) * saturation) }
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let r = region
        func apply(_ map: [UInt8], _ plane: PlaneView, _ x: Int, _ y: Int, _ w: Int, _ h: Int) {
            for row in y..<(y + h) {
                let p = plane.row(row) + x
                for col in 0..<w { p[col] = map[Int(p[col])] }
            }
        }
        apply(lumaMap, picture.luma, r.x, r.y, r.width, r.height)
        apply(chromaMap, picture.cb, r.x >> 1, r.y >> 1, r.width >> 1, r.height >> 1)
        apply(chromaMap, picture.cr, r.x >> 1, r.y >> 1, r.width >> 1, r.height >> 1)
        return r
    }
}
