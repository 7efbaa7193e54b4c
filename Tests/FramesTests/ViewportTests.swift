import Frames
import PTZ
import Testing

@Suite struct ViewportTests {
    /// A plane whose sample at (x, y) is x + 16 y, so each read says where it came from.
    static func numbered(_ buffer: PictureBuffer) {
        let luma = buffer.view.luma
        for y in 0..<luma.height { for x in 0..<luma.width { luma[x, y] = UInt8(x + 16 * y) } }
    }

    @Test func magnifiesTheChosenPartNearestSample() {
        let source = PictureBuffer(width: 8, height: 8)
        Self.numbered(source)
        let target = PictureBuffer(width: 8, height: 8)
        var scratch = ViewportScratch()
        // The 4x4 block at (2, 4), twice as large: each source sample covers 2x2 targets.
        target.view.fill(from: source.view, x: 2, y: 4, width: 4, height: 4, scratch: &scratch)
        let luma = target.view.luma
        #expect((0..<8).map { luma[$0, 0] } == [66, 66, 67, 67, 68, 68, 69, 69])
        #expect((0..<8).map { luma[0, $0] } == [66, 66, 82, 82, 98, 98, 114, 114])
        #expect(luma[7, 7] == 5 + 16 * 7)
    }

    @Test func theWholeSourceIsACopy() {
        let source = PictureBuffer(width: 16, height: 8)
        Self.numbered(source)
        source.view.cb.fill(90)
        source.view.cr.fill(200)
        let target = PictureBuffer(width: 16, height: 8)
        var scratch = ViewportScratch()
        target.view.fill(from: source.view, x: 0, y: 0, width: 16, height: 8, scratch: &scratch)
        #expect(Array(target.storage) == Array(source.storage))
    }

    @Test func readsOutsideTheSourceAreClamped() {
        let source = PictureBuffer(width: 4, height: 4)
        Self.numbered(source)
        let target = PictureBuffer(width: 4, height: 4)
        var scratch = ViewportScratch()
        target.view.fill(from: source.view, x: 2, y: 2, width: 8, height: 8, scratch: &scratch)
        #expect(target.view.luma[3, 3] == 3 + 16 * 3)
    }

    @Test func templatesShowThePosition() throws {
        let template = try TextTemplate("ptz pan={pan} tilt={tilt} zoom={zoom}")
        #expect(template.isDynamic)
        var context = FrameContext(frameIndex: 0, mediaTime: 0, wallClockNanos: 0, cameraName: "c")
        #expect(template.render(context: context, width: 8, height: 8) == "ptz pan=- tilt=- zoom=-")
        context.ptz = PTZVector(pan: 0.25, tilt: -0.1, zoom: 0.5)
        #expect(template.render(context: context, width: 8, height: 8) == "ptz pan=0.250 tilt=-0.100 zoom=0.500")
    }
}
