import Config
import Faults
import Foundation
import Frames
import Server
import Testing

@testable import Composition

/// The fault profiles of a configuration as the server gets them: the named ones under
/// `faults:`, and each camera's list resolved and layered.
@Suite struct ConfiguredFaultsTests {
    static let loader = ConfigLoader(knownFaultProfiles: Set(FaultPresets.names))
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenes = SceneLibrary(directory: repository.appendingPathComponent("Patterns"))

    @Test func demoConfigurationShowsEveryFaultKind() throws {
        let config = try Self.loader.load(file: Self.repository.appendingPathComponent("Configs/faults-demo.yaml"))
        let problems = CamsimServer.problems(in: config, scenes: Self.scenes)
        #expect(problems.isEmpty, "\(problems)")
        let faults = try ConfiguredFaults(config)
        #expect(faults.catalog.count == config.faultProfiles.count && faults.catalog.count >= 5)
        #expect(faults.catalog.values.allSatisfy { $0 != .empty })
        #expect(config.cameras.contains { $0.faults.contains { if case .inline = $0 { true } else { false } } })
        let cameras = try config.cameras.map { try faults.profile(for: $0) }
        let all = FaultProfile.merging(Array(faults.catalog.values) + cameras)
        // Every fault kind is shown somewhere in the demo.
        let n = all.network, m = all.media, c = all.control
        let setNetwork: [Any?] = [n.loss, n.burstLoss, n.delay, n.jitter, n.jitterDistribution, n.allowReorder,
                                  n.reorder, n.duplicate, n.corrupt, n.bandwidth, n.outage, n.applyToRTCP]
        let setMedia: [Any?] = [m.dropFrames, m.dropEvery, m.dropIDR, m.freeze, m.frozenPicture, m.suppressIDROnJoin,
                                m.gopOverride, m.stripParameterSets, m.resolutionChange, m.timestampJump,
                                m.rtcpDriftPPM, m.declaredFrameRate, m.ssrcChangeAt, m.payloadTypeChange]
        let setControl: [Any?] = [c.offline, c.reboot, c.resetConnectionAfter, c.statusOverrides, c.responseDelay,
                                  c.responseJitter, c.deniedTransports, c.closeSessionAfter, c.noRTCP, c.maxViewers,
                                  c.maxViewersStatus]
        #expect((setNetwork + setMedia + setControl).allSatisfy { $0 != nil })
        #expect(faults.catalog.values.contains { $0.schedule != nil })
    }

    @Test func camerasLayerTheirProfilesInOrder() throws {
        let config = try Self.loader.parse(yaml: """
            faults:
              flaky: {loss: 5%, jitter: 2ms}
            cameras:
              - {path: a, faults: [flaky, {loss: 1%}]}
              - {path: b, faults: [{loss: 1%}, flaky]}
            """, file: "c.yaml")
        let faults = try ConfiguredFaults(config)
        let a = try faults.profile(for: config.cameras[0])
        let b = try faults.profile(for: config.cameras[1])
        #expect(a.network.loss != b.network.loss)
        #expect(a.network.loss == (try FaultProfile.parse(yaml: "loss: 1%", file: "x", line: 1)).network.loss)
        #expect(b.network.loss == faults.catalog["flaky"]?.network.loss)
        #expect(a.network.jitter == b.network.jitter && a.network.jitter != nil)
    }

    @Test func inlineProblemsNameTheCameraLineAndKey() throws {
        let config = try Self.loader.parse(yaml: """
            faults:
              flaky: {loss: 5%}
            cameras:
              - path: a
                faults: [flaky]
              - path: b
                faults: {jitter: 2ms, lose: 1%}
            """, file: "c.yaml")
        let problems = CamsimServer.problems(in: config, scenes: Self.scenes)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix("camera 'b': c.yaml:7: lose:") == true, "\(problems)")
        #expect(problems.first?.contains("did you mean") == true, "\(problems)")
        do {
            _ = try ConfiguredFaults(config).profile(for: config.cameras[1])
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.map(\.line) == [7] && error.problems.map(\.key) == ["lose"])
        }
    }
}
