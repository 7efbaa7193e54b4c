import Testing
@testable import Frames

@Suite("Downscaling")
struct DownscaleTests {
    @Test
    func halvingAveragesEachTwoByTwoBlock() {
        let source = PictureBuffer(width: 4, height: 2)
        let luma = source.view.luma
        for (x, value) in [10, 20, 30, 41].enumerated() { luma[x, 0] = UInt8(value); luma[x, 1] = UInt8(value + 2) }
        let target = PictureBuffer(width: 2, height: 2)
        source.view.luma.downscale(into: PlaneView(base: target.view.luma.base, stride: 2, width: 2, height: 1))
        // (10+20+12+22)/4 = 16, (30+41+32+43)/4 = 36.5 → 37 (rounded half up).
        #expect(target.view.luma[0, 0] == 16)
        #expect(target.view.luma[1, 0] == 37)
    }

    @Test
    func flatAreasKeepTheirExactColourAtAnyRatio() {
        let table = ColourTable.bt709
        let source = render(SMPTEBars(region: PixelRect(x: 0, y: 0, width: 1280, height: 720), table: table), width: 1280, height: 720)
        let target = PictureBuffer(width: 322, height: 182)
        source.view.downscale(into: target.view)
        // The middle of the first and last top bars, far from any edge.
        #expect(colour(target, x: 23, y: 40) == table.white75)
        #expect(colour(target, x: 322 - 23, y: 40) == table.blue75)
    }

    @Test
    func theSameSizeIsACopy() {
        let source = render(SMPTEBars(region: PixelRect(x: 0, y: 0, width: 64, height: 36), table: .bt601), width: 64, height: 36)
        let target = PictureBuffer(width: 64, height: 36)
        source.view.downscale(into: target.view)
        #expect(Array(target.bytes) == Array(source.bytes))
    }
}
