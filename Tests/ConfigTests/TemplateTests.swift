import Testing
@testable import Config

@Suite("Templates")
struct TemplateTests {
    @Test func expandsSixtyFourLobbyCameras() throws {
        let config = try parse("""
            cameras:
              - template: true
                count: 64
                name: "lobby-{n:02}"
                scene: smpte-clock
                seed: 7
                streams:
                  - { name: main, size: 1280x720, fps: 30 }
                  - { name: sub, size: 640x360, fps: 15, crf: 28 }
            """)
        #expect(config.cameras.count == 64)
        #expect(config.cameras.map(\.path) == (1...64).map { n in n < 10 ? "lobby-0\(n)" : "lobby-\(n)" })
        for camera in config.cameras {
            #expect(camera.streams.map(\.name) == ["main", "sub"])
            #expect(camera.streams[1].rateControl == .crf(28))
            #expect(camera.scene == .named("smpte-clock"))
        }
        #expect(config.cameras[0].seed == 7)
        #expect(config.cameras[63].seed == 70)
    }

    @Test func countAloneMakesATemplate() throws {
        let config = try parse("""
            cameras:
              - path: first
              - count: 3
                path: "row/{i}"
              - path: last
            """)
        #expect(config.cameras.map(\.path) == ["first", "row/0", "row/1", "row/2", "last"])
    }

    @Test func singleCameraTemplateNeedsNoPlaceholder() throws {
        let config = try parse("cameras: [ { template: true, count: 1, path: solo } ]")
        #expect(config.cameras.map(\.path) == ["solo"])
    }

    @Test("pattern expansion", arguments: [
        ("cam{n}", 0, "cam1"), ("cam{n}", 9, "cam10"), ("cam{n:03}", 4, "cam005"),
        ("c{i:02}-{n}", 0, "c00-1"), ("{n:2}", 11, "12"),
    ])
    func expansion(pattern: String, index: Int, expected: String) throws {
        #expect(try TemplateName(pattern: pattern).expand(index: index) == expected)
    }

    @Test func rejectsBadPatterns() {
        #expect(throws: TemplateName.ParseError.unclosedBrace) { try TemplateName(pattern: "a{n") }
        #expect(throws: TemplateName.ParseError.unknownPlaceholder("x")) { try TemplateName(pattern: "a{x}") }
        #expect(throws: TemplateName.ParseError.unknownPlaceholder("n:z")) { try TemplateName(pattern: "{n:z}") }
    }
}
