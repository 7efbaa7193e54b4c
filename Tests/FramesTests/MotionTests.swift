import Testing
@testable import Frames

@Suite("Motion")
struct MotionTests {
    /// The documented formula, written out again independently.
    func expectedCorner(frame n: Int, speed: Int, travel: Int) -> Int {
        let p = ((n * speed) % (2 * travel) + 2 * travel) % (2 * travel)
        return p <= travel ? p : 2 * travel - p
    }

    /// The bounding box of pixels whose luma equals `y`.
    func find(_ y: UInt8, in p: PictureBuffer) -> PixelRect {
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for row in 0..<p.height {
            for col in 0..<p.width where p.view.luma[col, row] == y {
                minX = min(minX, col); maxX = max(maxX, col); minY = min(minY, row); maxY = max(maxY, row)
            }
        }
        return maxX < 0 ? .empty : PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    @Test(arguments: [0, 1, 7, 50, 51, 100, 333, 1000])
    func bouncingBoxFollowsTheFormula(frame: Int) {
        let w = 640, h = 360, size = 40
        let region = PixelRect(x: 0, y: 0, width: w, height: h)
        let yellow = ColourTable.bt601.yellow100
        let bg = SolidColour(region: region, colour: ColourTable.bt601.black)
        let box = BouncingShape(region: region, shape: .box, size: size, colour: yellow, speedX: 7, speedY: 5)
        let p = PictureBuffer(width: w, height: h)
        SceneRenderer(width: w, height: h, layers: [bg, box]).render(into: p.view, context: context(frame: Int64(frame)))
        let found = find(yellow.y, in: p)
        #expect(found == PixelRect(
            x: expectedCorner(frame: frame, speed: 7, travel: w - size),
            y: expectedCorner(frame: frame, speed: 5, travel: h - size), width: size, height: size))
    }

    @Test func ballStaysInItsRegionAndMoves() {
        let region = PixelRect(x: 100, y: 50, width: 300, height: 200)
        let ball = BouncingShape(region: region, shape: .ball, size: 30, colour: ColourTable.bt601.cyan100, speedX: -5, speedY: 7)
        var positions = Set<Int>()
        for n in Int64(0)..<200 {
            let (x, y) = ball.position(frameIndex: n)
            #expect(region.contains(x: x, y: y) && x + 30 <= region.maxX && y + 30 <= region.maxY)
            positions.insert(x * 1000 + y)
        }
        #expect(positions.count > 100)
    }

    @Test func scrollingBarsMoveBySpeedPerFrame() {
        let region = PixelRect(x: 0, y: 0, width: 64, height: 4)
        let bars = ScrollingBars(region: region, barWidth: 8, speed: 3, colour: ColourTable.bt601.white100,
                                 colour2: ColourTable.bt601.black, vertical: false)
        let f0 = render(bars, width: 64, height: 4, frame: 0)
        let f1 = render(bars, width: 64, height: 4, frame: 1)
        for x in 0..<61 { #expect(f1.view.luma[x, 0] == f0.view.luma[x + 3, 0]) }
    }

    @Test func flashOnFirstFrameOfEachSecond() {
        let flash = Flash(region: PixelRect(x: 0, y: 0, width: 8, height: 8), colour: ColourTable.bt601.white100, frames: 2)
        let flashing = (0..<100).filter { flash.isFlashing(context(frame: Int64($0), fps: 30)) }
        #expect(flashing == [0, 1, 30, 31, 60, 61, 90, 91])
        let ntsc = (0..<100).filter { flash.isFlashing(context(frame: Int64($0), fps: 30000.0 / 1001)) }
        #expect(ntsc == [0, 1, 30, 31, 60, 61, 90, 91])
    }
}
