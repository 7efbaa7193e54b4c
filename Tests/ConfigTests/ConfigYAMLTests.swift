import Foundation
import Testing
import Yams
@testable import Config
import RTSP

/// `CamsimConfig.yaml()` writes a document that loads back to the same configuration.
@Suite struct ConfigYAMLTests {
    static let configsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Configs")

    static var shippedConfigs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: configsDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    private func reloaded(_ config: CamsimConfig) throws -> CamsimConfig {
        let text = try config.yaml()
        // Inline passwords are written as variables; starting from the text means setting them.
        for user in config.users where user.passwordSource == .inline {
            setenv(user.passwordVariable, user.password.revealed, 1)
        }
        return try ConfigLoader(knownFaultProfiles: ["lte", "3g", "none", "wifi-good", "wifi-congested", "satellite", "lossy-bursty"])
            .parse(yaml: text, file: "written.yaml")
    }

    private func expectSame(_ a: CamsimConfig, _ b: CamsimConfig, _ comment: Comment? = nil) {
        var server = a.server
        server.controlToken = nil
        #expect(server == b.server, comment)
        // Written YAML spells each camera out: a template's cameras come back as cameras of
        // their own (README, "Shared streams"), without the template they were made by.
        #expect(a.cameras.map(\.spelledOut) == b.cameras.map(\.spelledOut), comment)
        #expect(a.faultProfiles.mapValues(\.positionless) == b.faultProfiles.mapValues(\.positionless), comment)
        #expect(a.users.map(\.name) == b.users.map(\.name), comment)
        #expect(a.users.map(\.password) == b.users.map(\.password), comment)
        #expect(a.users.map(\.cameras) == b.users.map(\.cameras), comment)
    }

    @Test(arguments: shippedConfigs)
    func everyShippedConfigurationReadsBackTheSame(name: String) throws {
        let original = try ConfigLoader(knownFaultProfiles: ["lte", "3g", "none", "wifi-good", "wifi-congested", "satellite", "lossy-bursty"])
            .load(file: Self.configsDirectory.appendingPathComponent(name))
        expectSame(original, try reloaded(original), "\(name)")
    }

    @Test func everyValueKindReadsBackTheSame() throws {
        var config = CamsimConfig.embeddedDefault
        config.server.controlAddress = nil
        config.server.rtpPortRange = 20000...20099
        config.server.patternsDirectory = "/tmp/patterns"
        config.cameras.append(CameraConfig(
            path: "site-a/door",
            streams: [
                StreamConfig(name: "main", width: 320, height: 240, fps: 29.97, rateControl: .crf(23.5), gop: 7,
                             profile: .baseline, preset: "veryfast", tune: nil),
                StreamConfig(name: "sub", width: 160, height: 120, fps: 5, rateControl: .bitrate(kbps: 150)),
            ],
            onDemand: false, idleStopSeconds: 2.5,
            faults: [.named("lte"), .inline(InlineYAML(text: "loss: 5%\nreorder: 1%\n", file: "", line: 0))],
            seed: 18_446_744_073_709_551_615))
        let back = try reloaded(config)
        expectSame(config, back)
        #expect(back.server.controlAddress == nil)
    }

    @Test func theControlTokenIsLeftOut() throws {
        var config = CamsimConfig.embeddedDefault
        config.server.controlToken = "do-not-show"
        #expect(!(try config.yaml()).contains("do-not-show"))
    }

    @Test func passwordsAreNamedByTheirSourceNeverWritten() throws {
        var config = CamsimConfig.embeddedDefault
        config.users = [
            UserConfig(name: "admin", password: Secret("inline-secret")),
            UserConfig(name: "ops-2", password: Secret("env-secret"), cameras: ["lobby/*"],
                       passwordSource: .environment("OPS_PASSWORD")),
            UserConfig(name: "viewer", password: Secret("file-secret"), passwordSource: .file("/run/secrets/viewer")),
        ]
        let text = try config.yaml()
        for secret in ["inline-secret", "env-secret", "file-secret"] { #expect(!text.contains(secret)) }
        let environment = ["CAMSIM_PASSWORD_ADMIN": "a", "OPS_PASSWORD": "b"]
        let written = try #require(try Yams.load(yaml: text) as? [String: Any])
        let users = try #require(written["users"] as? [[String: Any]])
        #expect(users.map { $0["name"] as? String } == ["admin", "ops-2", "viewer"])
        #expect(users[0]["password_env"] as? String == "CAMSIM_PASSWORD_ADMIN")
        #expect(users[1]["password_env"] as? String == "OPS_PASSWORD")
        #expect(users[1]["cameras"] as? [String] == ["lobby/*"])
        #expect(users[2]["password_file"] as? String == "/run/secrets/viewer")
        #expect(environment.keys.contains(users[0]["password_env"] as? String ?? ""))
    }

    @Test func serverSecurityAndMulticastSettingsReadBackTheSame() throws {
        var config = CamsimConfig.embeddedDefault
        config.server.auth = AuthSettings(realm: "IP Camera", mode: .digestAndBasic, nonceLifetimeSeconds: 30)
        config.server.tls = TLSSettings(port: 9322)
        config.server.multicast = MulticastSettings(
            range: try MulticastRange.parse("239.255.42.0/24"), ports: 40000...40999, ttl: 4, interface: "lo")
        config.server.maxPlaybackSessions = 7
        config.cameras[0].auth = CameraAuth(mode: .basic, realm: "lobby")
        config.cameras[0].streams[0].multicast = MulticastEndpoint(group: try #require(IPv4Address(parsing: "239.255.43.1")), port: 41000)
        expectSame(config, try reloaded(config))
    }

    @Test func aRecordingIsWrittenAsGivenSoRelativeTimesStayRelative() throws {
        let text = """
            cameras:
              - path: lobby
                scene: timecode
                recording:
                  start: -24h
                  gaps:
                    - {at: -3h, duration: 10m}
            """
        let config = try ConfigLoader().parse(yaml: text, file: "recording.yaml")
        let written = try config.yaml()
        #expect(written.contains("start: -24h"), "\(written)")
        let back = try reloaded(config)
        #expect(back.cameras[0].recordingText == config.cameras[0].recordingText)
        #expect(back.cameras[0].recording?.gaps.count == 1)
    }
}

extension CameraConfig {
    /// The camera as written YAML gives it back: positionless, and not from a template.
    fileprivate var spelledOut: CameraConfig {
        var camera = positionless
        camera.template = nil
        return camera
    }
}
