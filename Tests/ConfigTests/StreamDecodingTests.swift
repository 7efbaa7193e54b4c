import Testing
@testable import Config

@Suite("Stream and camera decoding")
struct StreamDecodingTests {
    @Test("bitrate spellings", arguments: [
        ("2000k", 2000), ("2M", 2000), ("2000000", 2000), ("2.5M", 2500), ("500K", 500), ("4Mbps", 4000),
    ])
    func bitrate(text: String, kbps: Int) throws {
        let config = try parse("""
            cameras:
              - path: a
                streams:
                  - bitrate: \(text)
            """)
        #expect(config.cameras[0].streams[0].rateControl == .bitrate(kbps: kbps))
    }

    @Test func defaultsAreApplied() throws {
        let config = try parse("cameras: [ { path: a } ]")
        let camera = config.cameras[0]
        #expect(camera == CameraConfig(path: "a"))
        #expect(camera.scene == .named("smpte-clock"))
        #expect(camera.streams == [StreamConfig()])
        let stream = camera.streams[0]
        #expect(stream.name == "main" && stream.width == 1280 && stream.height == 720 && stream.fps == 30)
        #expect(stream.gop == 60 && stream.profile == .high && stream.preset == "ultrafast")
        #expect(stream.tune == "zerolatency" && stream.rateControl == .bitrate(kbps: 2000))
        #expect(camera.onDemand && camera.idleStopSeconds == 5 && camera.seed == nil)
        #expect(config.server == ServerSettings())
    }

    @Test func gopDefaultsToTwoSecondsOfFrames() throws {
        let config = try parse("""
            cameras:
              - path: a
                streams: [ { fps: 12.5 }, { name: sub, fps: 15, gop: 5 } ]
            """)
        #expect(config.cameras[0].streams.map(\.gop) == [25, 5])
    }

    @Test func sizeAsWidthAndHeightKeys() throws {
        let config = try parse("""
            cameras:
              - path: a
                streams: [ { width: 640, height: 480, tune: none, crf: 23.5 } ]
            """)
        let stream = config.cameras[0].streams[0]
        #expect(stream.width == 640 && stream.height == 480)
        #expect(stream.tune == nil)
        #expect(stream.rateControl == .crf(23.5))
    }

    @Test func inlineSceneAndFaultsAreKeptAsText() throws {
        let config = try parse("""
            faults:
              flaky:
                drop: 0.1
            cameras:
              - path: /site-a/door
                scene:
                  layers:
                    - { type: bars }
                faults:
                  - flaky
                  - { freeze: 2s }
            """)
        let camera = config.cameras[0]
        #expect(camera.path == "site-a/door")
        guard case .inline(let scene) = camera.scene else {
            Issue.record("expected an inline scene")
            return
        }
        #expect(scene.line == 7)
        #expect(scene.file == "test.yaml")
        #expect(scene.text.contains("layers:"))
        #expect(scene.text.contains("type: bars"))
        #expect(camera.faults.first == .named("flaky"))
        guard case .inline(let fault) = camera.faults.last else {
            Issue.record("expected an inline fault")
            return
        }
        #expect(fault.text.contains("freeze: 2s"))
        #expect(fault.line == 11)
        #expect(config.faultProfiles["flaky"]?.text == "drop: 0.1\n")
        #expect(config.faultProfiles["flaky"]?.line == 3)
    }

    /// Inline YAML is also kept as written, blanked around so that its lines and columns
    /// are the file's: whoever parses it reports the file's own positions.
    @Test func inlineYAMLIsAlsoKeptInPlace() throws {
        let config = try parse("""
            cameras:
              - path: a
                scene:
                  layers:
                    - { type: bars }
                faults: [{jitter: 1ms}, {freeze: 2s}, {loss: 1%}]
              - path: b
                faults: &shared
                  loss: 2%
              - path: c
                faults: *shared
            """)
        guard case .inline(let scene) = config.cameras[0].scene else {
            Issue.record("expected an inline scene")
            return
        }
        let lines = try #require(scene.textInPlace).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 6 && lines[0...2].allSatisfy { $0.allSatisfy { $0 == " " } })
        #expect(lines[3] == "      layers:" && lines[4] == "        - { type: bars }")
        #expect(scene.parseable.firstLine == 1)
        guard case .inline(let freeze) = config.cameras[0].faults[1], case .inline(let loss) = config.cameras[0].faults[2] else {
            Issue.record("expected inline faults")
            return
        }
        // Cut out of `    faults: [{jitter: 1ms}, {freeze: 2s}, {loss: 1%}]` at their columns.
        #expect(freeze.textInPlace?.split(separator: "\n").last.map(String.init) == String(repeating: " ", count: 28) + "{freeze: 2s}")
        #expect(loss.textInPlace?.split(separator: "\n").last.map(String.init) == String(repeating: " ", count: 42) + "{loss: 1%}")
        // An alias reads as the anchored value, where the anchor wrote it.
        guard case .inline(let aliased) = config.cameras[2].faults[0] else {
            Issue.record("expected an inline fault")
            return
        }
        #expect(aliased.textInPlace?.split(separator: "\n").last == "      loss: 2%")
    }

    @Test func serverSettings() throws {
        let config = try parse("""
            server:
              port: 9554
              bind: 127.0.0.1
              rtp_ports: 20000-20999
              mtu: 1200
              session_timeout: 30
              log_level: debug
              control: 127.0.0.1:8080
              patterns: Patterns
            """)
        #expect(config.server == ServerSettings(
            port: 9554, bind: "127.0.0.1", rtpPortRange: 20000...20999, mtu: 1200,
            sessionTimeoutSeconds: 30, logLevel: "debug", controlAddress: "127.0.0.1:8080",
            patternsDirectory: "Patterns"
        ))
    }

    @Test func emptyDocumentIsAnEmptyConfiguration() throws {
        let config = try parse("# nothing here\n")
        #expect(config == CamsimConfig())
    }

    @Test func cameraSettingsOverrideDefaultsSection() throws {
        let config = try parse("""
            defaults:
              scene: noise
              on_demand: false
              idle_stop: 0
              streams: [ { size: 640x360 } ]
            cameras:
              - path: a
              - path: b
                scene: motion
                streams: [ { size: 320x180 } ]
            """)
        #expect(config.cameras[0].scene == .named("noise"))
        #expect(config.cameras[0].onDemand == false && config.cameras[0].idleStopSeconds == 0)
        #expect(config.cameras[0].streams[0].width == 640)
        #expect(config.cameras[1].scene == .named("motion"))
        #expect(config.cameras[1].streams.map(\.width) == [320])
    }
}
