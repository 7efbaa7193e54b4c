import Testing
@testable import Config

@Suite("Command-line overrides")
struct OverridesTests {
    @Test func serverOptionsReplaceFileValues() throws {
        let overrides = ConfigOverrides(port: 10554, bind: "127.0.0.1", logLevel: "debug", controlAddress: "9090")
        let config = try overrides.apply(to: .embeddedDefault)
        #expect(config.server.port == 10554)
        #expect(config.server.bind == "127.0.0.1")
        #expect(config.server.logLevel == "debug")
        #expect(config.server.controlAddress == "127.0.0.1:9090")
        #expect(config.cameras == CamsimConfig.embeddedDefault.cameras)
    }

    @Test func emptyOverridesChangeNothing() throws {
        let config = try ConfigOverrides().apply(to: .embeddedDefault)
        #expect(config == .embeddedDefault)
    }

    @Test func cameraCountReplacesCamerasWithNumberedCopiesOfTheFirst() throws {
        let config = try ConfigOverrides(cameraCount: 12).apply(to: .embeddedDefault)
        #expect(config.cameras.count == 12)
        #expect(config.cameras.first?.path == "cam-01")
        #expect(config.cameras.last?.path == "cam-12")
        #expect(config.cameras.allSatisfy { $0.streams == CamsimConfig.embeddedDefault.cameras[0].streams })
    }

    @Test func cameraCountPadsToItsOwnWidth() throws {
        let config = try ConfigOverrides(cameraCount: 100).apply(to: CamsimConfig())
        #expect(config.cameras.first?.path == "cam-001")
        #expect(config.cameras.last?.path == "cam-100")
        // With no cameras in the file the built-in bars camera is the model.
        #expect(config.cameras[0].streams == CamsimConfig.embeddedDefault.cameras[0].streams)
    }

    @Test func streamOptionsApplyToTheMainStreamOnly() throws {
        let file = try ConfigLoader().load(file: exampleFile("nvr-lab-16.yaml"))
        let overrides = ConfigOverrides(scene: "noise", seed: 5, width: 1280, height: 720, fps: 15, bitrateKbps: 1500)
        let config = try overrides.apply(to: file)
        for camera in config.cameras {
            #expect(camera.scene == .named("noise"))
            let main = camera.streams[0]
            #expect(main.width == 1280 && main.height == 720 && main.fps == 15)
            #expect(main.rateControl == .bitrate(kbps: 1500))
            #expect(main.gop == 25, "a gop set in the file is kept")
            #expect(camera.streams[1] == file.cameras[0].streams[1])
        }
        #expect(config.cameras[2].seed == 7)
    }

    @Test func fpsOverrideMovesADefaultGOP() throws {
        let config = try ConfigOverrides(fps: 25).apply(to: .embeddedDefault)
        #expect(config.cameras[0].streams[0].gop == 50)
        #expect(config.cameras[1].streams[0].gop == 50)
    }

    @Test func invalidOverridesAreAllReported() {
        let overrides = ConfigOverrides(port: 70000, cameraCount: 0, width: 641, fps: 0, preset: "fastest")
        #expect {
            try overrides.apply(to: .embeddedDefault)
        } throws: { error in
            guard let errors = error as? ConfigErrors else { return false }
            let paths = errors.problems.map(\.keyPath)
            return paths == ["--port", "--cameras", "--width", "--fps", "--preset"]
                && errors.problems.allSatisfy { $0.file == "<command line>" && $0.line == 0 }
                && errors.problems.last?.suggestion == "did you mean 'faster'?"
        }
    }
}
