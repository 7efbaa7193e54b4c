/// A checkerboard of square cells `cell` pixels wide, starting with `colour` at the
/// region's top-left: cell (i, j) is `colour` when i + j is even, else `colour2`.
/// Each chroma sample takes the colour of the top-left luma sample of its 2×2 site.
public final class Checkerboard: SceneLayer {
    public let region: PixelRect
    public let cell: Int
    public let colour: YCbCr
    public let colour2: YCbCr
    public var isStatic: Bool { true }

    public init(region: PixelRect, cell: Int, colour: YCbCr, colour2: YCbCr) {
        self.region = region
        self.cell = max(1, cell)
        self.colour = colour
        self.colour2 = colour2
    }

    @inline(__always)
    func isFirst(_ x: Int, _ y: Int) -> Bool { (x / cell + y / cell) % 2 == 0 }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let r = region
        for row in 0..<r.height {
            let p = picture.luma.row(r.y + row) + r.x
            for col in 0..<r.width { p[col] = isFirst(col, row) ? colour.y : colour2.y }
        }
        for row in 0..<(r.height >> 1) {
            let pb = picture.cb.row((r.y >> 1) + row) + (r.x >> 1)
            let pr = picture.cr.row((r.y >> 1) + row) + (r.x >> 1)
            for col in 0..<(r.width >> 1) {
                let first = isFirst(2 * col, 2 * row)
                pb[col] = first ? colour.cb : colour2.cb
                pr[col] = first ? colour.cr : colour2.cr
            }
        }
        return r
    }
}
