import Foundation
import Testing
@testable import Frames

@Suite("Y4M writer")
struct Y4MTests {
    @Test func headerAndFrameSizesAreExact() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-y4m-\(UInt32.random(in: 0...UInt32.max)).y4m")
        defer { try? FileManager.default.removeItem(at: url) }
        let picture = PictureBuffer(width: 64, height: 36)
        let renderer = try Scene.builtInDefault.makeRenderer(width: 64, height: 36)
        let writer = try Y4MWriter(url: url, width: 64, height: 36, frameRate: Y4MWriter.rational(30))
        for n in Int64(0)..<3 {
            renderer.render(into: picture.view, context: context(frame: n))
            try writer.write(picture.view)
        }
        try writer.close()
        let data = try Data(contentsOf: url)
        let header = "YUV4MPEG2 W64 H36 F30:1 Ip A1:1 C420mpeg2 XCOLORRANGE=LIMITED\n"
        #expect(Y4MWriter.header(width: 64, height: 36, frameRate: (30, 1)) == header)
        #expect(data.prefix(header.utf8.count) == Data(header.utf8))
        let frameSize = 6 + 64 * 36 * 3 / 2
        #expect(Y4MWriter.frameSize(width: 64, height: 36) == frameSize)
        #expect(data.count == header.utf8.count + 3 * frameSize)
        let last = data.suffix(frameSize)
        #expect(last.prefix(6) == Data("FRAME\n".utf8))
        #expect(Array(last.dropFirst(6)) == picture.array)
    }

    @Test func frameRates() {
        #expect(Y4MWriter.rational(25) == (25, 1))
        #expect(Y4MWriter.rational(30000.0 / 1001) == (30000, 1001))
        #expect(Y4MWriter.rational(12.5) == (12500, 1000))
    }
}
