/// Stripes `barWidth` pixels wide, alternating `colour` and `colour2`, scrolling by
/// `speed` pixels per frame (horizontal stripes move left; vertical ones move up).
/// At frame n, sample x of the region (or row y when vertical) shows `colour` when
/// `floor((x + n·speed) / barWidth)` is even. Smooth motion exposes dropped and
/// repeated frames and judder.
public final class ScrollingBars: SceneLayer {
    public let region: PixelRect
    public let barWidth: Int
    public let speed: Int
    public let colour: YCbCr
    public let colour2: YCbCr
    public let vertical: Bool
    public var isStatic: Bool { false }

    private var lumaRow: [UInt8]
    private var cbRow: [UInt8]
    private var crRow: [UInt8]

    public init(region: PixelRect, barWidth: Int, speed: Int, colour: YCbCr, colour2: YCbCr, vertical: Bool) {
        self.region = region
        self.barWidth = max(1, barWidth)
        self.speed = speed
        self.colour = colour
        self.colour2 = colour2
        self.vertical = vertical
        let n = vertical ? region.height : region.width
        lumaRow = [UInt8](repeating: 0, count: n)
        cbRow = [UInt8](repeating: 0, count: n / 2)
        crRow = [UInt8](repeating: 0, count: n / 2)
    }

    @inline(__always)
    func isFirst(_ p: Int, offset: Int64) -> Bool {
        let period = Int64(2 * barWidth)
        let m = floorDivide(Int64(p) + offset, period).remainder
        return m < Int64(barWidth)
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let r = region
        let offset = context.frameIndex &* Int64(speed)
        let n = lumaRow.count
        for i in 0..<n { lumaRow[i] = isFirst(i, offset: offset) ? colour.y : colour2.y }
        for i in 0..<(n / 2) {
            let first = isFirst(2 * i, offset: offset)
            cbRow[i] = first ? colour.cb : colour2.cb
            crRow[i] = first ? colour.cr : colour2.cr
        }
        let cx = r.x >> 1, cy = r.y >> 1
        if vertical {
            for row in 0..<r.height { picture.luma.fill(lumaRow[row], x: r.x, y: r.y + row, width: r.width, height: 1) }
            for row in 0..<(r.height / 2) {
                picture.cb.fill(cbRow[row], x: cx, y: cy + row, width: r.width / 2, height: 1)
                picture.cr.fill(crRow[row], x: cx, y: cy + row, width: r.width / 2, height: 1)
            }
        } else {
            for row in r.y..<r.maxY { (picture.luma.row(row) + r.x).update(from: lumaRow, count: n) }
            for row in cy..<(cy + r.height / 2) {
                (picture.cb.row(row) + cx).update(from: cbRow, count: n / 2)
                (picture.cr.row(row) + cx).update(from: crRow, count: n / 2)
            }
        }
        return r
    }
}
