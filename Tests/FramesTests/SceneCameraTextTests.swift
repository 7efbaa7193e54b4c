import Testing
@testable import Frames

/// `Scene.drawsCameraName` (Scene+CameraDependence): which scenes show the camera's name.
@Suite("Scenes that draw the camera's name")
struct SceneCameraTextTests {
    @Test func theDefaultSceneDrawsTheName() throws {
        #expect(try Scene.parse(yaml: Scene.builtInDefaultYAML, file: "smpte-clock.yaml").drawsCameraName)
    }

    @Test func aQRCodeOfTheNameCounts() throws {
        let yaml = """
            background: {type: solid, colour: grey}
            layers:
              - {type: qr, template: "{camera} {frame}", x: 0, y: 0}
            """
        #expect(try Scene.parse(yaml: yaml, file: "qr.yaml").drawsCameraName)
    }

    @Test func clocksCountersAndSeedsDoNot() throws {
        let yaml = """
            background: {type: smpte-bars}
            layers:
              - {type: digital-clock, x: 0, y: 0}
              - {type: frame-counter, x: 0, y: 0.5}
              - {type: text, template: "seed {seed} {{camera}}", x: 0, y: 0.8}
            """
        #expect(try !Scene.parse(yaml: yaml, file: "clock.yaml").drawsCameraName)
    }
}
