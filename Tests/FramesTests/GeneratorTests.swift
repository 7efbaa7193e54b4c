import Foundation
import Testing
@testable import Frames

@Suite("Level and geometry generators")
struct GeneratorTests {
    let t = ColourTable.bt601

    @Test func greyRampCoversBlackToWhite() {
        let ramp = Ramp(region: PixelRect(x: 0, y: 0, width: 220, height: 4), from: t.black, to: t.white100)
        let p = render(ramp, width: 220, height: 4)
        // Y(x) = round(16 + 219·x/219): every code from 16 to 235 once.
        #expect((0..<220).map { p.view.luma[$0, 2] } == (16...235).map { UInt8($0) })
        #expect(p.view.cb[50, 1] == 128 && p.view.cr[50, 1] == 128)
    }

    @Test func steppedRamp() {
        let ramp = Ramp(region: PixelRect(x: 0, y: 0, width: 110, height: 2), from: t.black, to: t.white100, steps: 11)
        let p = render(ramp, width: 110, height: 2)
        // Step k spans x = 10k ..< 10k+10 with Y = round(16 + 219·k/10).
        for k in 0..<11 {
            let expected = UInt8((16 + 219 * Double(k) / 10 + 0.5).rounded(.down))
            #expect(p.view.luma[10 * k + 5, 0] == expected, "step \(k)")
        }
    }

    @Test func zonePlateFollowsItsEquation() {
        let w = 128, h = 96
        let p = render(ZonePlate(region: PixelRect(x: 0, y: 0, width: w, height: h)), width: w, height: h)
        for (x, y) in [(0, 0), (63, 47), (64, 48), (100, 20), (127, 95)] {
            let dx = Double(x) - Double(w - 1) / 2, dy = Double(y) - Double(h - 1) / 2
            let v = 16 + 219 * (0.5 + 0.5 * cos(Double.pi * (dx * dx + dy * dy) / Double(w)))
            #expect(p.view.luma[x, y] == UInt8((v + 0.5).rounded(.down)))
        }
    }

    @Test func checkerboardCells() {
        let board = Checkerboard(region: PixelRect(x: 0, y: 0, width: 64, height: 64), cell: 16, colour: t.white100, colour2: t.black)
        let p = render(board, width: 64, height: 64)
        #expect(colour(p, x: 8, y: 8) == t.white100)
        #expect(colour(p, x: 24, y: 8) == t.black)
        #expect(colour(p, x: 24, y: 24) == t.white100)
    }

    @Test func solidFillIsExact() {
        let p = render(SolidColour(region: PixelRect(x: 0, y: 0, width: 16, height: 16), colour: t.green75), width: 16, height: 16)
        #expect(Set(p.array) == [t.green75.y, t.green75.cb, t.green75.cr])
    }

    @Test func analogClockHandsMove() throws {
        let scene = try loadShippedScene("test-card")
        let a = try renderFresh(scene, width: 1280, height: 720, frame: 0)
        let b = try renderFresh(scene, width: 1280, height: 720, frame: 30 * 15)  // 15 s later
        // The clock sits in the lower left quarter.
        let clock = PixelRect(x: 0, y: 400, width: 320, height: 320)
        #expect(lumaBytes(a, clock) != lumaBytes(b, clock))
    }

    @Test func translucentBoxBlendsHalfway() {
        let base = SolidColour(region: PixelRect(x: 0, y: 0, width: 8, height: 8), colour: YCbCr(y: 16, cb: 128, cr: 128))
        let box = SolidColour(region: PixelRect(x: 0, y: 0, width: 8, height: 8), colour: YCbCr(y: 216, cb: 128, cr: 128), opacity: 0.5)
        let p = PictureBuffer(width: 8, height: 8)
        SceneRenderer(width: 8, height: 8, layers: [base, box]).render(into: p.view, context: context(frame: 0))
        // (16·128 + 216·128 + 128) >> 8 = 116
        #expect(p.view.luma[3, 3] == 116)
    }

    @Test func atlasCacheIsSafeAcrossThreads() async throws {
        let scene = try loadShippedScene("smpte-clock")
        let cache = GlyphAtlasCache()
        let path = try #require(FontLocator.locate(FontLocator.defaultFont, sceneDirectory: patternsDirectory))
        let ids = await withTaskGroup(of: ObjectIdentifier?.self) { group in
            for _ in 0..<16 {
                group.addTask { (try? cache.atlas(fontPath: path, pixelSize: 41)).map(ObjectIdentifier.init) }
                group.addTask { _ = try? scene.makeRenderer(width: 640, height: 360); return nil }
            }
            var out = Set<ObjectIdentifier>()
            for await id in group { if let id { out.insert(id) } }
            return out
        }
        #expect(ids.count == 1, "every thread gets the same atlas")
        #expect(cache.count == 1)
    }
}
