import Foundation
import Testing
@testable import Frames

@Suite("Text rendering")
struct TextTests {
    static let fontPath = FontLocator.locate(FontLocator.defaultFont, sceneDirectory: patternsDirectory)

    func textLayer(_ template: String, size: Int = 32) throws -> TextLayer {
        let atlas = try GlyphAtlasCache.shared.atlas(fontPath: try #require(Self.fontPath), pixelSize: size)
        return TextLayer(
            template: try TextTemplate(template), atlas: atlas, x: 10, y: 10, colour: ColourTable.bt601.white100)
    }

    @Test func atlasHasRealGlyphs() throws {
        let atlas = try GlyphAtlas(fontPath: try #require(Self.fontPath), pixelSize: 24)
        let zero = try #require(atlas.glyphs[Int(UInt8(ascii: "0"))])
        #expect(zero.width > 4 && zero.height > 10)
        #expect(atlas.glyphs[Int(UInt8(ascii: " "))]?.width == 0)
        // Monospaced: every printable ASCII glyph advances the same distance.
        let advances = Set((33...126).compactMap { atlas.glyphs[$0]?.advance })
        #expect(advances.count == 1)
        #expect(atlas.coverage.contains(255), "glyph interiors are fully covered")
    }

    @Test func atlasesAreCachedPerFontAndSize() throws {
        let path = try #require(Self.fontPath)
        let a = try GlyphAtlasCache.shared.atlas(fontPath: path, pixelSize: 33)
        let b = try GlyphAtlasCache.shared.atlas(fontPath: path, pixelSize: 33)
        let c = try GlyphAtlasCache.shared.atlas(fontPath: path, pixelSize: 34)
        #expect(a === b)
        #expect(a !== c)
    }

    @Test func glyphPixelsChangeWithTheText() throws {
        let area = PixelRect(x: 0, y: 0, width: 300, height: 60)
        let a = render(try textLayer("ABC 123"), width: 640, height: 360)
        let b = render(try textLayer("ABC 124"), width: 640, height: 360)
        let blank = render(SolidColour(region: PixelRect(x: 0, y: 0, width: 640, height: 360), colour: ColourTable.bt601.black), width: 640, height: 360)
        #expect(lumaBytes(a, area) != lumaBytes(blank, area), "text draws something")
        #expect(lumaBytes(a, area) != lumaBytes(b, area), "a different digit draws differently")
        // Only the glyph that changed differs: the first four glyph cells are identical.
        let head = PixelRect(x: 0, y: 0, width: 10 + 4 * 19, height: 60)
        #expect(lumaBytes(a, head) == lumaBytes(b, head))
    }

    @Test func frameCounterAndClockRegionsChange() throws {
        let scene = try loadShippedScene("smpte-clock")
        let f1 = try renderFresh(scene, width: 1280, height: 720, frame: 1)
        let f2 = try renderFresh(scene, width: 1280, height: 720, frame: 2)
        let f31 = try renderFresh(scene, width: 1280, height: 720, frame: 31)
        // The frame counter sits around the middle of the picture.
        let counter = PixelRect(x: 200, y: 300, width: 880, height: 120)
        #expect(lumaBytes(f1, counter) != lumaBytes(f2, counter))
        // The clock is at the top right; frames 1 and 31 are in different seconds.
        let clock = PixelRect(x: 640, y: 0, width: 640, height: 100)
        #expect(lumaBytes(f1, clock) != lumaBytes(f31, clock))
        // The camera name at the top left is the same in every frame.
        let name = PixelRect(x: 0, y: 0, width: 300, height: 100)
        #expect(lumaBytes(f1, name) == lumaBytes(f31, name))
    }

    @Test func cameraNameIsDrawn() throws {
        let scene = try loadShippedScene("smpte-clock")
        func picture(_ camera: String) throws -> PictureBuffer {
            let p = PictureBuffer(width: 640, height: 360)
            try scene.makeRenderer(width: 640, height: 360).render(into: p.view, context: context(frame: 0, camera: camera))
            return p
        }
        let name = PixelRect(x: 0, y: 0, width: 320, height: 50)
        #expect(lumaBytes(try picture("front-door"), name) != lumaBytes(try picture("back-yard"), name))
    }

    @Test func textChromaIsBlendedToo() throws {
        let t = ColourTable.bt601
        let bg = SolidColour(region: PixelRect(x: 0, y: 0, width: 640, height: 360), colour: t.blue75)
        let text = try textLayer("MMMM", size: 64)
        let p = PictureBuffer(width: 640, height: 360)
        SceneRenderer(width: 640, height: 360, layers: [bg, text]).render(into: p.view, context: context(frame: 0))
        var changed = 0
        for y in 0..<40 { for x in 0..<100 where p.view.cb[x, y] != t.blue75.cb { changed += 1 } }
        #expect(changed > 100)
    }
}
