import Foundation
import Testing
@testable import Frames

@Suite("Scenes")
struct SceneTests {
    static let shipped = ["smpte-clock", "smpte-hd", "ebu-bars", "noise", "low-light", "motion", "av-sync", "test-card", "timecode"]

    @Test func libraryListsTheShippedScenes() {
        let names = SceneLibrary(directory: patternsDirectory).sceneNames()
        for name in Self.shipped { #expect(names.contains(name)) }
    }

    @Test(arguments: shipped, [(640, 360), (1280, 720)])
    func shippedSceneRenders(name: String, size: (Int, Int)) throws {
        let scene = try SceneLibrary(directory: patternsDirectory).scene(named: name)
        #expect(scene.name == name)
        let renderer = try scene.makeRenderer(width: size.0, height: size.1)
        let p = PictureBuffer(width: size.0, height: size.1)
        for n in Int64(0)..<3 { renderer.render(into: p.view, context: context(frame: n)) }
        #expect(Set(p.array).count > 2, "draws something other than a flat colour")
    }

    @Test func builtInDefaultMatchesThePatternsFile() throws {
        let file = try String(contentsOf: patternsDirectory.appendingPathComponent("smpte-clock.yaml"), encoding: .utf8)
        #expect(Scene.builtInDefaultYAML == file)
        #expect(Scene.builtInDefault.name == Scene.defaultSceneName)
        _ = try Scene.builtInDefault.makeRenderer(width: 1280, height: 720)
    }

    @Test func libraryFallsBackToTheBuiltInDefault() throws {
        let library = SceneLibrary(directory: nil)
        #expect(try library.scene(named: "smpte-clock").name == "smpte-clock")
        #expect(throws: SceneError.self) { try library.scene(named: "motion") }
    }

    @Test func libraryLoadsByPath() throws {
        let path = patternsDirectory.appendingPathComponent("motion.yaml").path
        #expect(try SceneLibrary(directory: nil).scene(named: path).name == "motion")
    }

    @Test func unknownSceneListsTheAvailableOnes() {
        do {
            _ = try SceneLibrary(directory: patternsDirectory).scene(named: "nope")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("smpte-clock"))
        }
    }

    @Test func fractionsAndPixels() throws {
        #expect(Length(parsing: "64") == .pixels(64))
        #expect(Length(parsing: "0.05") == .fraction(0.05))
        #expect(Length(parsing: "1.0") == .fraction(1))
        #expect(Length(parsing: "5%") == .fraction(0.05))
        #expect(Length(parsing: "64.0") == nil)
        #expect(Length(parsing: "-3") == nil)
        #expect(Length.fraction(0.05).resolve(1280) == 64)
        #expect(Length.pixels(64).resolve(1280) == 64)
    }

    @Test func colourSpellings() {
        #expect(SceneColour(parsing: "white")?.resolve(.bt709) == YCbCr(y: 235, cb: 128, cr: 128))
        #expect(SceneColour(parsing: "#FFFF00")?.resolve(.bt709) == ColourTable.bt709.yellow100)
        #expect(SceneColour(parsing: "ycbcr(16, 128, 128)")?.resolve(.bt601) == YCbCr(y: 16, cb: 128, cr: 128))
        #expect(SceneColour(parsing: "#12345") == nil)
        #expect(SceneColour(parsing: "chartreuse") == nil)
    }

    @Test func fontIsFoundInPatternsOrSystem() throws {
        let path = try #require(FontLocator.locate("DejaVuSansMono.ttf", sceneDirectory: patternsDirectory))
        #expect(path.hasSuffix("DejaVuSansMono.ttf"))
        #expect(FontLocator.locate("NoSuchFont.ttf", sceneDirectory: patternsDirectory) == nil)
    }

    @Test func missingFontNamesTheLine() {
        let yaml = "background:\n  type: solid\nlayers:\n  - type: text\n    template: hi\n    font: Missing.ttf\n"
        do {
            _ = try Scene.parse(yaml: yaml, file: "f.yaml").makeRenderer(width: 64, height: 64)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 6)
            #expect(error.field == "layers[0].font")
        }
    }

    @Test func rightAlignedTextAtTheRightEdge() throws {
        let yaml = "background:\n  type: solid\nlayers:\n  - type: text\n    template: \"{frame}\"\n    x: 1.0\n    align: right\n"
        let p = try renderFresh(try Scene.parse(yaml: yaml, file: "edge.yaml"), width: 320, height: 180, frame: 7)
        let right = PixelRect(x: 260, y: 0, width: 60, height: 40)
        #expect(lumaBytes(p, right).contains { $0 > 200 }, "the digits end at the right edge")
    }

    @Test func patternsDirectorySearchOrder() {
        let repo = patternsDirectory.deletingLastPathComponent()
        let nowhere = URL(fileURLWithPath: "/nonexistent/bin/camsim")
        let expected = patternsDirectory.standardizedFileURL.path
        // 1. the environment variable wins
        #expect(SceneLibrary.locateDirectory(
            environment: [SceneLibrary.environmentVariable: patternsDirectory.path],
            currentDirectory: URL(fileURLWithPath: "/"), executable: nowhere)?.path == expected)
        // 2. ./Patterns
        #expect(SceneLibrary.locateDirectory(environment: [:], currentDirectory: repo, executable: nowhere)?.path == expected)
        // 3. walking up from the executable
        let executable = repo.appendingPathComponent(".build/release/camsim")
        #expect(SceneLibrary.locateDirectory(
            environment: [:], currentDirectory: URL(fileURLWithPath: "/"), executable: executable)?.path == expected)
        #expect(SceneLibrary.locateDirectory(environment: [:], currentDirectory: URL(fileURLWithPath: "/"), executable: nowhere) == nil)
    }

    @Test func patternsInstalledUnderSharePrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let installed = prefix.appendingPathComponent("share/camsim/Patterns", isDirectory: true)
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        let executable = prefix.appendingPathComponent("bin/camsim")
        #expect(SceneLibrary.locateDirectory(
            environment: [:], currentDirectory: URL(fileURLWithPath: "/"), executable: executable)?.path
            == installed.standardizedFileURL.path)
    }
}
