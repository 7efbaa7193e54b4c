/// SMPTE RP 219 HD colour bars (the four-band 16:9 chart), values from `ColourTable` for
/// the picture's standard.
///
/// Horizontally the region (width W) has a side panel d = W/8 at each edge and seven bars
/// of width c = 3W/28 between them. Vertically (height H): band 1 is 7H/12, bands 2 and 3
/// are H/12 each, band 4 is 3H/12. Every edge is rounded to an even pixel.
///
///     band 1   40% grey | 75% white yellow cyan green magenta red blue | 40% grey
///     band 2   100% cyan | 75% white (first bar; RP 219 also allows +I) | 75% white ×6 | 100% blue
///     band 3   100% yellow | luma ramp 0% → 100% across the seven bars | 100% red
///     band 4   15% grey | black 3c/2 | 100% white 2c | black 5c/6 |
///              −2% c/3 | black c/3 | +2% c/3 | black c/3 | +4% c/3 | black c | 15% grey
///
/// Levels as fractions of black-to-white: 40% grey Y' = 16 + 219·0.40 = 103.6 → 104;
/// 15% grey 48.85 → 49; −2% 11.62 → 12; +2% 20.38 → 20; +4% 24.76 → 25 (chroma 128).
/// The ramp's Y' at column x of the bar area (width A) is round(16 + 219·x/(A − 1)).
public final class SMPTEHDBars: SceneLayer {
    public let region: PixelRect
    public let table: ColourTable
    public var isStatic: Bool { true }

    /// 40% grey side panels.
    public static let grey40 = YCbCr(y: 104, cb: 128, cr: 128)
    /// 15% grey side panels of band 4.
    public static let grey15 = YCbCr(y: 49, cb: 128, cr: 128)
    /// PLUGE steps −2%, +2%, +4%.
    public static let minus2 = YCbCr(y: 12, cb: 128, cr: 128)
    public static let plus2 = YCbCr(y: 20, cb: 128, cr: 128)
    public static let plus4 = YCbCr(y: 25, cb: 128, cr: 128)

    public init(region: PixelRect, table: ColourTable) {
        self.region = region
        self.table = table
    }

    /// Column edges in 1/168 of the width: d = 21/168, c = 18/168.
    private func x(_ units168: Int) -> Int { evenBoundary(units168, of: 168, length: region.width) }

    /// Band edges in twelfths of the height.
    private func y(_ twelfths: Int) -> Int { evenBoundary(twelfths, of: 12, length: region.height) }

    /// The solid patches of the chart (the ramp is drawn separately).
    public var patches: [(rect: PixelRect, colour: YCbCr)] {
        var out: [(PixelRect, YCbCr)] = []
        func add(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int, _ c: YCbCr) {
            out.append((PixelRect(x: region.x + x0, y: region.y + y0, width: x1 - x0, height: y1 - y0), c))
        }
        let d = 21, c = 18  // in 1/168 of the width
        let bar = { (i: Int) in d + i * c }
        // Band 1.
        add(x(0), x(d), y(0), y(7), Self.grey40)
        for (i, colour) in table.bars75.enumerated() { add(x(bar(i)), x(bar(i + 1)), y(0), y(7), colour) }
        add(x(168 - d), x(168), y(0), y(7), Self.grey40)
        // Band 2.
        add(x(0), x(d), y(7), y(8), table.cyan100)
        add(x(bar(0)), x(bar(7)), y(7), y(8), table.white75)
        add(x(168 - d), x(168), y(7), y(8), table.blue100)
        // Band 3 sides (the ramp fills the middle).
        add(x(0), x(d), y(8), y(9), table.yellow100)
        add(x(168 - d), x(168), y(8), y(9), table.red100)
        // Band 4, in units of c/6 = 3/168 of the width after the left panel.
        let steps: [(Int, YCbCr)] = [
            (9, table.black), (12, table.white100), (5, table.black),
            (2, Self.minus2), (2, table.black), (2, Self.plus2), (2, table.black), (2, Self.plus4), (6, table.black),
        ]
        add(x(0), x(d), y(9), y(12), Self.grey15)
        var at = d
        for (sixths, colour) in steps {
            add(x(at), x(at + sixths * 3), y(9), y(12), colour)
            at += sixths * 3
        }
        add(x(168 - d), x(168), y(9), y(12), Self.grey15)
        return out
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        for patch in patches { picture.fill(patch.rect, with: patch.colour) }
        let x0 = x(21), x1 = x(168 - 21)
        let ramp = Ramp(
            region: PixelRect(x: region.x + x0, y: region.y + y(8), width: x1 - x0, height: y(9) - y(8)),
            from: table.black, to: table.white100)
        _ = ramp.draw(into: picture, context: context)
        return region
    }
}
