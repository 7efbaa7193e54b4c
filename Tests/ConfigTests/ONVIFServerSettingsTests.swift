import Testing
@testable import Config

@Suite struct ONVIFServerSettingsTests {
    @Test func readsPortsAndDiscovery() throws {
        let config = try parse("""
            server: { onvif: { ports: 18000-18999, discovery: { enabled: true, interface: lo } } }
            cameras: [{ path: a }]
            """)
        #expect(config.server.onvif == ONVIFServerSettings(ports: 18000...18999, discovery: .init(enabled: true, interface: "lo")))
    }

    @Test func discoveryTakesABareSwitch() throws {
        let config = try parse("server: { onvif: { discovery: off } }\ncameras: [{ path: a }]\n")
        #expect(config.server.onvif.discovery.enabled == false)
        #expect(try parse("cameras: [{ path: a }]\n").server.onvif == ONVIFServerSettings())
    }

    @Test func writesBackWhatItRead() throws {
        let config = try parse("server: { onvif: { ports: 18000-18010, discovery: false } }\ncameras: [{ path: a }]\n")
        #expect(try parse(config.yaml()).server.onvif == config.server.onvif)
    }

    static let broken: [(yaml: String, keyPath: String, message: String)] = [
        ("server: { onvif: { ports: 18999-18000 } }\ncameras: [{ path: a }]\n", "server.onvif.ports", "18000-18999"),
        ("server: { onvif: { ports: 70000-70001 } }\ncameras: [{ path: a }]\n", "server.onvif.ports", "1–65535"),
        ("server: { onvif: { discovery: maybe } }\ncameras: [{ path: a }]\n", "server.onvif.discovery", "true or false"),
        ("server: { onvif: { discovery: { interface: '' } } }\ncameras: [{ path: a }]\n", "server.onvif.discovery.interface", "must not be empty"),
        ("server: { onvif: { port: 1 } }\ncameras: [{ path: a }]\n", "server.onvif.port", "unknown key"),
    ]

    @Test(arguments: broken)
    func problemsNameTheField(yaml: String, keyPath: String, message: String) {
        let found = problems(yaml)
        #expect(found.contains { $0.keyPath == keyPath && ($0.message + " " + ($0.suggestion ?? "")).contains(message) }, "\(found)")
    }
}
