import Testing
@testable import Config

@Suite("A proxy camera's source")
struct ProxySourceTests {
    @Test func aSourceMakesAProxyCameraWithDefaults() throws {
        let config = try parse("""
            cameras:
              - path: dock-door
                source: rtsp://admin:s%40cret@10.0.0.7:8554/stream1
              - path: lobby
            """)
        let source = try #require(config.cameras[0].source)
        #expect(source.url == "rtsp://10.0.0.7:8554/stream1")
        #expect(source.user == "admin")
        #expect(source.password?.revealed == "s@cret")
        #expect(source.transport == .tcp)
        #expect(source.gopCache)
        #expect(source.reconnectInitialSeconds == 0.5 && source.reconnectMaxSeconds == 30)
        #expect(source.outageSeconds == 10)
        #expect(config.cameras[1].source == nil)
        // The password never prints.
        #expect(!"\(source)".contains("s@cret"))
    }

    @Test func everyProxyKeyIsRead() throws {
        let config = try parse("""
            cameras:
              - path: door
                source: rtsp://10.0.0.7/live
                source_transport: udp
                on_demand: false
                gop_cache: false
                reconnect: { initial: 250ms, max: 5s }
                outage: 3s
            """)
        let camera = config.cameras[0]
        let source = try #require(camera.source)
        #expect(source == ProxySource(
            url: "rtsp://10.0.0.7/live", transport: .udp, gopCache: false,
            reconnectInitialSeconds: 0.25, reconnectMaxSeconds: 5, outageSeconds: 3))
        #expect(!camera.onDemand)
    }

    @Test(arguments: [
        ("source: http://10.0.0.7/live", "cameras[0].source"),
        ("source: rtsp:///live", "cameras[0].source"),
        ("source: rtsp://h/x\n    source_transport: quic", "cameras[0].source_transport"),
        ("source: rtsp://h/x\n    reconnect: { initial: 0s }", "cameras[0].reconnect.initial"),
        ("source: rtsp://h/x\n    reconnect: { initial: 5s, max: 1s }", "cameras[0].reconnect.max"),
        ("source: rtsp://h/x\n    reconnect: { every: 1s }", "cameras[0].reconnect.every"),
        ("source: rtsp://h/x\n    outage: soon", "cameras[0].outage"),
        ("source: rtsp://h/x\n    scene: bars", "cameras[0].scene"),
        ("source: rtsp://h/x\n    audio: {codec: pcmu}", "cameras[0].audio"),
        ("gop_cache: true", "cameras[0].gop_cache"),
    ])
    func problemsNameTheField(entry: String, keyPath: String) {
        let found = problems("cameras:\n  - path: a\n    \(entry)\n")
        #expect(found.contains { $0.keyPath == keyPath }, "\(found)")
    }

    /// A proxy relays its source's video only: its own `audio:` is refused (above), and
    /// the defaults' `audio:` gives the simulated cameras audio, not the proxy.
    @Test func aProxyCameraTakesNoAudioFromTheDefaults() throws {
        let config = try parse("""
            defaults:
              audio: {codec: pcmu}
            cameras:
              - path: door
                source: rtsp://10.0.0.7/live
              - path: lobby
            """)
        #expect(config.cameras[0].audio == nil)
        #expect(config.cameras[1].audio?.codec == .pcmu)
        let found = problems("cameras:\n  - path: a\n    source: rtsp://h/x\n    audio: {codec: pcma}\n")
        let audio = try #require(found.first { $0.keyPath == "cameras[0].audio" }, "\(found)")
        #expect(audio.description.contains("audio"), "\(audio)")
    }

    @Test func aBadURLProblemDoesNotRepeatThePassword() {
        let found = problems("cameras:\n  - path: a\n    source: rtsp://u:hunter2@[::1/x\n")
        #expect(!found.isEmpty)
        #expect(!found.contains { $0.description.contains("hunter2") }, "\(found)")
    }

    @Test func theWrittenConfigurationLoadsBackWithoutThePassword() throws {
        let config = try parse("""
            cameras:
              - path: door
                source: rtsp://admin:hunter2@10.0.0.7/live
                outage: 4s
            """)
        let text = try config.yaml()
        #expect(!text.contains("hunter2"))
        let again = try parse(text)
        var expected = try #require(config.cameras[0].source)
        expected.password = nil
        #expect(again.cameras[0].source == expected)
    }
}
