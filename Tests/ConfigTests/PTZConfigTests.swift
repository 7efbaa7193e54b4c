import PTZ
import Testing
@testable import Config

@Suite("A camera's virtual PTZ")
struct PTZConfigTests {
    @Test func readsEveryFieldAndTakesDefaults() throws {
        let config = try parse("""
            cameras:
              - path: dome
                ptz:
                  canvas: 3
                  max_zoom: 8
                  speed: 0.5
                  home: { tilt: 0.2 }
                  presets:
                    gate: { pan: -0.8, tilt: -0.3, zoom: 0.6 }
                    door: { pan: 0.7 }
              - path: plain
                ptz: {}
              - path: bare
                ptz:
              - path: fixed
            """)
        #expect(config.cameras[0].ptz == PTZSettings(
            canvas: 3, maxZoom: 8, speed: 0.5,
            presets: [
                PTZPreset(token: "gate", name: "gate", position: PTZVector(pan: -0.8, tilt: -0.3, zoom: 0.6)),
                PTZPreset(token: "door", name: "door", position: PTZVector(pan: 0.7, tilt: 0, zoom: 0)),
            ],
            home: PTZVector(pan: 0, tilt: 0.2, zoom: 0)))
        #expect(config.cameras[1].ptz == PTZSettings())
        #expect(config.cameras[2].ptz == PTZSettings())
        #expect(config.cameras[3].ptz == nil)
    }

    /// Written back, the settings read the same, presets in order; defaults are left out.
    @Test func roundTrip() throws {
        let config = try parse("""
            cameras:
              - { path: a, ptz: { canvas: 2.5, presets: { z: { zoom: 1 }, a: { pan: -1, tilt: 1 } } } }
              - { path: b, ptz: {} }
              - { path: c }
            """)
        let yaml = try config.yaml()
        #expect(!yaml.contains("max_zoom"))
        let again = try parse(yaml)
        #expect(again.cameras.map(\.ptz) == config.cameras.map(\.ptz))
        #expect(again.cameras[0].ptz?.presets.map(\.name) == ["z", "a"])
    }

    static let broken: [(yaml: String, keyPath: String, message: String)] = [
        ("cameras: [{ path: a, ptz: { canvas: 9 } }]\n", "cameras[0].ptz.canvas", "1 to 8"),
        ("cameras: [{ path: a, ptz: { max_zoom: 0.5 } }]\n", "cameras[0].ptz.max_zoom", "1 to 32"),
        ("cameras: [{ path: a, ptz: { speed: 0 } }]\n", "cameras[0].ptz.speed", "0.01 to 100"),
        ("cameras: [{ path: a, ptz: { home: { pan: 2 } } }]\n", "cameras[0].ptz.home.pan", "-1 to 1"),
        ("cameras: [{ path: a, ptz: { home: { roll: 1 } } }]\n", "cameras[0].ptz.home.roll", "unknown key"),
        ("cameras: [{ path: a, ptz: { presets: { gate: { zoom: 1.5 } } } }]\n", "cameras[0].ptz.presets.gate.zoom", "0 to 1"),
        ("cameras: [{ path: a, ptz: { presets: [gate] } }]\n", "cameras[0].ptz.presets", "mapping"),
        ("cameras: [{ path: a, ptz: { tilt: 1 } }]\n", "cameras[0].ptz.tilt", "unknown key"),
        ("cameras: [{ path: a, ptz: yes }]\n", "cameras[0].ptz", "mapping"),
    ]

    @Test(arguments: broken)
    func problemsNameTheField(yaml: String, keyPath: String, message: String) {
        let found = problems(yaml)
        #expect(found.contains { $0.keyPath == keyPath && ($0.message + " " + ($0.suggestion ?? "")).contains(message) }, "\(found)")
    }
}
