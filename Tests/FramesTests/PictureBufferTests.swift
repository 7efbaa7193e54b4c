import Testing
@testable import Frames

@Suite struct PictureBufferTests {
    @Test func fillSetsEveryPlane() {
        let buffer = PictureBuffer(width: 4, height: 2)
        buffer.view.fill(YCbCr(y: 16, cb: 128, cr: 129))
        #expect(Array(buffer.bytes) == [16, 16, 16, 16, 16, 16, 16, 16, 128, 128, 129, 129])
    }

    @Test func fillClipsRectangles() {
        let buffer = PictureBuffer(width: 4, height: 2)
        buffer.view.luma.fill(200, x: 3, y: 1, width: 10, height: 10)
        #expect(Array(buffer.bytes.prefix(8)) == [0, 0, 0, 0, 0, 0, 0, 200])
    }
}
