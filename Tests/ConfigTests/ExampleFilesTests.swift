import Faults
import Foundation
import Testing
@testable import Config

@Suite("Example configuration files")
struct ExampleFilesTests {
    static let files = ["default.yaml", "nvr-lab-16.yaml", "scale-200.yaml", "mixed-scenes.yaml", "faults-demo.yaml"]
    /// The loader camsim uses: the built-in network presets count as defined profiles.
    let loader = ConfigLoader(knownFaultProfiles: Set(FaultPresets.names))

    @Test("every example file loads", arguments: files)
    func loads(name: String) throws {
        let config = try loader.load(file: exampleFile(name))
        #expect(!config.cameras.isEmpty)
    }

    @Test("every .yaml file in Configs/ loads")
    func allYAMLFilesLoad() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: configsDirectory.path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= Self.files.count)
        for name in names {
            #expect(throws: Never.self, "\(name)") {
                try loader.load(file: exampleFile(name))
            }
        }
    }

    @Test func nvrLab16HasSixteenCamerasWithMainAndSub() throws {
        let config = try ConfigLoader().load(file: exampleFile("nvr-lab-16.yaml"))
        #expect(config.cameras.count == 16)
        #expect(config.cameras.first?.path == "nvr/cam-01")
        #expect(config.cameras.last?.path == "nvr/cam-16")
        for camera in config.cameras {
            #expect(camera.streams.map(\.name) == ["main", "sub"])
            #expect(camera.onDemand == false)
        }
        let main = config.cameras[0].streams[0]
        #expect(main.width == 1920 && main.height == 1080 && main.fps == 25)
        #expect(main.rateControl == .bitrate(kbps: 4000))
        #expect(config.cameras[0].streams[1].rateControl == .crf(28))
        #expect(config.cameras[3].seed == 1003)
        #expect(config.server.rtpPortRange == 20000...20999)
    }

    @Test func scale200HasTwoHundredOnDemandCameras() throws {
        let config = try ConfigLoader().load(file: exampleFile("scale-200.yaml"))
        #expect(config.cameras.count == 200)
        #expect(config.cameras.allSatisfy { $0.onDemand && $0.idleStopSeconds == 2 })
        #expect(config.cameras[0].path == "load-001")
        #expect(config.cameras[199].path == "load-200")
        #expect(config.cameras.allSatisfy { $0.streams.count == 1 && $0.streams[0].width == 320 })
        #expect(config.server.logLevel == "warning")
    }

    @Test func mixedScenesUsesEveryScene() throws {
        let config = try ConfigLoader().load(file: exampleFile("mixed-scenes.yaml"))
        let scenes = config.cameras.map(\.scene)
        for name in ["smpte-clock", "ebu-bars", "noise", "low-light", "motion", "av-sync", "test-card"] {
            #expect(scenes.contains(.named(name)), "\(name)")
        }
        // Cameras without their own streams take the defaults section's.
        #expect(config.camera(at: "motion")?.streams == [
            StreamConfig(name: "main", width: 1280, height: 720, fps: 30, rateControl: .bitrate(kbps: 2000)),
        ])
        #expect(config.camera(at: "noise")?.seed == 42)
        #expect(config.camera(at: "test-card")?.streams.count == 2)
    }

    @Test func reportsUnreadableFile() {
        let missing = exampleFile("does-not-exist.yaml")
        #expect {
            try ConfigLoader().load(file: missing)
        } throws: { error in
            guard let errors = error as? ConfigErrors, let problem = errors.problems.first else { return false }
            return problem.file == missing.path && problem.message.contains("cannot read")
        }
    }
}
