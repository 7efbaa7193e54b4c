import Frames
import JPEG
import Testing

/// Pictures encoded by `JPEGEncoder` decode with libjpeg-turbo's decompressor to the
/// picture's size and the colours the picture means.
@Suite
struct JPEGEncoderTests {
    static func bars(width: Int, height: Int) -> (PictureBuffer, SMPTEBars) {
        let table = ColourTable.table(for: .forPicture(height: height))
        let layer = SMPTEBars(region: PixelRect(x: 0, y: 0, width: width, height: height), table: table)
        let picture = PictureBuffer(width: width, height: height)
        let context = FrameContext(frameIndex: 0, mediaTime: 0, wallClockNanos: 0, cameraName: "jpeg")
        SceneRenderer(width: width, height: height, layers: [layer]).render(into: picture.view, context: context)
        return (picture, layer)
    }

    @Test(arguments: [(640, 360), (1280, 720), (320, 180)])
    func barsDecodeToTheirColours(size: (Int, Int)) throws {
        let (width, height) = size
        let (picture, layer) = Self.bars(width: width, height: height)
        let standard = ColourStandard.forPicture(height: height)
        let jpeg = try JPEGEncoder(quality: 90).encode(picture.view, standard: standard)
        let decoded = try DecodedRGB(jpeg: jpeg)
        #expect(decoded.width == width && decoded.height == height)
        var checked = 0
        for patch in layer.patches {
            // The middle half of each patch, clear of the 8×8 blocks that straddle an edge.
            let r = patch.rect
            guard r.width >= 16, r.height >= 16 else { continue }
            let box = (x: r.x + r.width / 4, y: r.y + r.height / 4, w: r.width / 2, h: r.height / 2)
            let got = decoded.mean(x: box.x, y: box.y, width: box.w, height: box.h)
            let want = standard.decode(y: patch.colour.y, cb: patch.colour.cb, cr: patch.colour.cr)
            let message = "\(width)x\(height) patch \(patch.colour) at \(r): got \(got), want \(want.r * 255), \(want.g * 255), \(want.b * 255)"
            #expect(abs(got.r - want.r * 255) <= 3, "\(message)")
            #expect(abs(got.g - want.g * 255) <= 3, "\(message)")
            #expect(abs(got.b - want.b * 255) <= 3, "\(message)")
            checked += 1
        }
        #expect(checked >= 14)
    }

    @Test
    func frameHeaderIsBaselineFourTwoZero() throws {
        let (picture, _) = Self.bars(width: 640, height: 360)
        let jpeg = try JPEGEncoder().encode(picture.view, standard: .bt601)
        #expect(Array(jpeg.prefix(2)) == [0xFF, 0xD8], "SOI")
        #expect(Array(jpeg.suffix(2)) == [0xFF, 0xD9], "EOI")
        let header = try #require(FrameHeader(jpeg))
        // SOF0 (baseline), 8-bit, luma sampled 2×2 and each chroma 1×1: 4:2:0.
        #expect(header == FrameHeader(marker: 0xC0, precision: 8, height: 360, width: 640, sampling: [[2, 2], [1, 1], [1, 1]]))
    }

    @Test
    func oneEncoderServesSeveralSizes() throws {
        let encoder = try JPEGEncoder(quality: 75)
        for (width, height) in [(320, 180), (1280, 720), (64, 36), (1280, 720)] {
            let (picture, _) = Self.bars(width: width, height: height)
            let jpeg = try encoder.encode(picture.view, standard: .forPicture(height: height))
            let header = try #require(FrameHeader(jpeg))
            #expect(header.width == width && header.height == height)
        }
    }

    @Test
    func higherQualityKeepsMoreDetail() throws {
        let (picture, _) = Self.bars(width: 640, height: 360)
        let low = try JPEGEncoder(quality: 20).encode(picture.view, standard: .bt601)
        let high = try JPEGEncoder(quality: 95).encode(picture.view, standard: .bt601)
        #expect(low.count < high.count)
    }

    @Test(arguments: [0, 101, -5])
    func qualityOutsideTheRangeIsRefused(quality: Int) {
        #expect(throws: JPEGError.qualityOutOfRange(quality)) { try JPEGEncoder(quality: quality) }
    }
}
