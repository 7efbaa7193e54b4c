/// EBU colour bars (ITU-R BT.471 / EBU Tech. 3280): eight full-height bars of equal
/// width, white, yellow, cyan, green, magenta, red, blue, black.
///
/// - `.percent75` is the EBU "100/0/75/0" signal: white at 100%, the colours at 75%.
/// - `.percent100` is "100/0/100/0": every bar at 100%.
///
/// Bar k spans x from `2·round(k·W/16)` to `2·round((k+1)·W/16)` within the region.
public final class EBUBars: SceneLayer {
    public enum Amplitude: String, Sendable { case percent75, percent100 }

    public let region: PixelRect
    public let colours: [YCbCr]
    public var isStatic: Bool { true }

    public init(region: PixelRect, table: ColourTable, amplitude: Amplitude) {
        self.region = region
        switch amplitude {
        case .percent75:
            colours = [table.white100, table.yellow75, table.cyan75, table.green75,
                       table.magenta75, table.red75, table.blue75, table.black]
        case .percent100:
            colours = table.bars100 + [table.black]
        }
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        for (i, colour) in colours.enumerated() {
            let x0 = evenBoundary(i, of: 8, length: region.width)
            let x1 = evenBoundary(i + 1, of: 8, length: region.width)
            picture.fill(PixelRect(x: region.x + x0, y: region.y, width: x1 - x0, height: region.height), with: colour)
        }
        return region
    }
}
