import Testing
@testable import Config

@Suite("Embedded default")
struct EmbeddedDefaultTests {
    @Test func matchesDefaultYAML() throws {
        let fromFile = try ConfigLoader().load(file: exampleFile("default.yaml"))
        #expect(fromFile == CamsimConfig.embeddedDefault)
    }

    @Test func barsIsFirstAndSmallIsSecond() {
        let config = CamsimConfig.embeddedDefault
        #expect(config.cameras.map(\.path) == ["bars", "small"])
        let bars = config.cameras[0].streams[0]
        #expect((bars.width, bars.height, bars.fps) == (1280, 720, 30))
        let small = config.cameras[1].streams[0]
        #expect((small.width, small.height, small.fps) == (640, 360, 15))
        #expect(config.cameras.allSatisfy { $0.scene == .named("smpte-clock") })
        #expect(config.server == ServerSettings())
    }
}
