import Testing
@testable import Config

@Suite("A camera's ONVIF settings")
struct ONVIFConfigTests {
    @Test func readsEveryFieldAndTakesDefaults() throws {
        let config = try parse("""
            defaults:
              onvif: { manufacturer: Acme }
            cameras:
              - path: door
                onvif:
                  manufacturer: Hikvision
                  model: DS-2CD2042WD-I
                  firmware: V5.4.5
                  serial: DS123
                  hardware_id: "88"
                  scopes: ["onvif://www.onvif.org/location/lobby"]
              - path: gate
              - path: lobby
                onvif: {}
            """)
        #expect(config.cameras[0].onvif == ONVIFConfig(
            manufacturer: "Hikvision", model: "DS-2CD2042WD-I", firmware: "V5.4.5", serial: "DS123", hardwareId: "88",
            scopes: ["onvif://www.onvif.org/location/lobby"]))
        #expect(config.cameras[1].onvif == ONVIFConfig(manufacturer: "Acme"))
        #expect(config.cameras[2].onvif == ONVIFConfig())
    }

    /// Written back, the settings read the same; defaults are left out.
    @Test func roundTrip() throws {
        let config = try parse("cameras: [{ path: a, onvif: { model: M1, scopes: ['onvif://www.onvif.org/name/x'] } }, { path: b }]\n")
        let yaml = try config.yaml()
        #expect(!yaml.contains("camsim virtual camera"))
        let again = try parse(yaml)
        #expect(again.cameras.map(\.onvif) == config.cameras.map(\.onvif))
    }

    static let broken: [(yaml: String, keyPath: String, message: String)] = [
        ("cameras: [{ path: a, onvif: { model: '' } }]\n", "cameras[0].onvif.model", "1 to 128 characters"),
        ("cameras: [{ path: a, onvif: { serial: \"a\\u0001\" } }]\n", "cameras[0].onvif.serial", "control characters"),
        ("cameras: [{ path: a, onvif: { scopes: [http://x] } }]\n", "cameras[0].onvif.scopes[0]", "starting with 'onvif://www.onvif.org/'"),
        ("cameras: [{ path: a, onvif: { vendor: x } }]\n", "cameras[0].onvif.vendor", "unknown key"),
        ("cameras: [{ path: a, onvif: yes }]\n", "cameras[0].onvif", "mapping"),
    ]

    @Test(arguments: broken)
    func problemsNameTheField(yaml: String, keyPath: String, message: String) {
        let found = problems(yaml)
        #expect(found.contains { $0.keyPath == keyPath && ($0.message + " " + ($0.suggestion ?? "")).contains(message) }, "\(found)")
    }
}
