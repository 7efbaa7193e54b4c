/// SMPTE colour bars in the three-band layout of SMPTE EG 1 / EIA-189-A (the familiar
/// "SMPTE bars"), with values from `ColourTable` for the picture's standard
/// (BT.709 when the picture is at least 720 lines tall, BT.601 below).
///
/// Within the region (width W, height H; every edge rounded to an even pixel):
///
///     band 1, rows 0 ..< 2H/3      seven 75% bars, each W/7 wide:
///                                   white(75%) yellow cyan green magenta red blue
///     band 2, rows 2H/3 ..< 3H/4    "reverse blue" castellations under each bar:
///                                   blue black magenta black cyan black white(75%)
///     band 3, rows 3H/4 ..< H       −I, white(100%), +Q, black, each 5W/28 wide
///                                   (together the first five bar widths), then PLUGE
///                                   under the red bar: −4%, black, +4% (each W/21),
///                                   then black under the blue bar.
///
/// SMPTE RP 219 defines the HD (16:9) descendant of this chart; camsim keeps the
/// three-band geometry at every size and switches only the colour matrix.
public final class SMPTEBars: SceneLayer {
    public let region: PixelRect
    public let table: ColourTable
    public var isStatic: Bool { true }

    public init(region: PixelRect, table: ColourTable) {
        self.region = region
        self.table = table
    }

    /// The rectangles and colours that make up the chart.
    public var patches: [(rect: PixelRect, colour: YCbCr)] {
        let w = region.width, h = region.height
        let band1 = evenBoundary(2, of: 3, length: h)
        let band2 = evenBoundary(3, of: 4, length: h)
        var out: [(PixelRect, YCbCr)] = []
        func add(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int, _ c: YCbCr) {
            out.append((PixelRect(x: region.x + x0, y: region.y + y0, width: x1 - x0, height: y1 - y0), c))
        }
        let col = (0...7).map { evenBoundary($0, of: 7, length: w) }
        let top = table.bars75
        let reverse = [table.blue75, table.black, table.magenta75, table.black, table.cyan75, table.black, table.white75]
        for i in 0..<7 {
            add(col[i], col[i + 1], 0, band1, top[i])
            add(col[i], col[i + 1], band1, band2, reverse[i])
        }
        let bottom = [table.minusI, table.white100, table.plusQ, table.black]
        for i in 0..<4 {
            add(evenBoundary(5 * i, of: 28, length: w), evenBoundary(5 * (i + 1), of: 28, length: w), band2, h, bottom[i])
        }
        let p1 = evenBoundary(16, of: 21, length: w), p2 = evenBoundary(17, of: 21, length: w)
        add(col[5], p1, band2, h, table.plugeBelowBlack)
        add(p1, p2, band2, h, table.black)
        add(p2, col[6], band2, h, table.plugeAboveBlack)
        add(col[6], w, band2, h, table.black)
        return out
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        for patch in patches { picture.fill(patch.rect, with: patch.colour) }
        return region
    }
}
