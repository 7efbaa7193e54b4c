import Foundation
import Testing
@testable import Config

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
        return try ConfigLoader(knownFaultProfiles: ["lte", "3g", "none", "wifi-good", "wifi-congested", "satellite", "lossy-bursty"])
            .parse(yaml: text, file: "written.yaml")
    }

    private func expectSame(_ a: CamsimConfig, _ b: CamsimConfig, _ comment: Comment? = nil) {
        var server = a.server
        server.controlToken = nil
        #expect(server == b.server, comment)
        #expect(a.cameras.map(\.positionless) == b.cameras.map(\.positionless), comment)
        #expect(a.faultProfiles.mapValues(\.positionless) == b.faultProfiles.mapValues(\.positionless), comment)
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
}
