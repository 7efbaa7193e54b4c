import Testing
@testable import Config

/// `ConfigLoader.parseCamera`: one camera entry on its own, as the control API takes it.
@Suite struct CameraParsingTests {
    private let loader = ConfigLoader(knownFaultProfiles: ["lte"])

    @Test func aJSONCameraGetsTheFileDefaultsForWhatItLeavesOut() throws {
        let camera = try loader.parseCamera(
            yaml: #"{"path": "door", "streams": [{"size": "320x240", "fps": 10}], "faults": "lte"}"#,
            source: "request", faultProfiles: [])
        #expect(camera.path == "door")
        #expect(camera.streams == [StreamConfig(width: 320, height: 240, fps: 10)])
        #expect(camera.faults == [.named("lte")])
        #expect(camera.onDemand)
    }

    @Test(arguments: [
        (#"{"path": "door", "streams": [{"fps": 0}]}"#, "streams[0].fps", "fps"),
        (#"{"path": "door", "fpss": 3}"#, "fpss", "unknown key"),
        (#"{"path": "a b"}"#, "path", "contains ' '"),
        (#"{"streams": []}"#, "", "needs a 'path'"),
        (#"{"path": "door", "faults": "nope"}"#, "faults", "nope"),
        (#"{"path": "cam-{n}", "template": true, "count": 2}"#, "", "one camera at a time"),
    ])
    func problemsNameTheKeyWithinTheCamera(json: String, keyPath: String, fragment: String) {
        #expect {
            _ = try loader.parseCamera(yaml: json, source: "request", faultProfiles: [])
        } throws: { error in
            let problems = (error as? ConfigErrors)?.problems ?? []
            return problems.contains { $0.keyPath == keyPath && $0.description.contains(fragment) }
        }
    }

    @Test func profilesOfTheRunningConfigurationCount() throws {
        let camera = try loader.parseCamera(yaml: #"{"path": "d", "faults": ["mine"]}"#, source: "r", faultProfiles: ["mine"])
        #expect(camera.faults == [.named("mine")])
    }
}
