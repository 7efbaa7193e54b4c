import Testing
@testable import Config

@Suite("Configuration diff")
struct ConfigDiffTests {
    static let old = """
        faults:
          flaky: { drop: 0.1 }
        cameras:
          - path: keep
          - path: gone
          - path: tweak
          - path: fault
            faults: [flaky]
        """

    @Test func classifiesCamerasByPath() throws {
        let new = """
            faults:
              flaky: { drop: 0.2 }
            cameras:
              - path: tweak
                streams: [ { fps: 25 } ]
              - path: keep
              - path: fresh
              - path: fault
                faults: [flaky]
            """
        let diff = ConfigDiff(old: try parse(Self.old), new: try parse(new))
        #expect(diff.added.map(\.path) == ["fresh"])
        #expect(diff.removed.map(\.path) == ["gone"])
        #expect(diff.changed.map(\.new.path) == ["tweak", "fault"])
        #expect(diff.changed[0].old.streams[0].fps == 30)
        #expect(diff.changed[0].new.streams[0].fps == 25)
        #expect(diff.unchanged.map(\.path) == ["keep"])
        #expect(!diff.serverChanged)
        #expect(!diff.isEmpty)
    }

    @Test func identicalConfigurationsHaveNoDifferences() throws {
        let diff = ConfigDiff(old: .embeddedDefault, new: .embeddedDefault)
        #expect(diff.isEmpty)
        #expect(diff.unchanged.map(\.path) == ["bars", "small"])
    }

    @Test func movedInlineSceneIsNotAChange() throws {
        let old = try parse("cameras: [ { path: a, scene: { layers: [] } } ]")
        let new = try parse("# a comment pushes everything down\n\ncameras: [ { path: a, scene: { layers: [] } } ]")
        let diff = ConfigDiff(old: old, new: new)
        #expect(diff.unchanged.map(\.path) == ["a"])
        #expect(diff.changed.isEmpty)
    }

    @Test func serverChangeIsReported() throws {
        let diff = ConfigDiff(old: .embeddedDefault, new: try ConfigOverrides(port: 1).apply(to: .embeddedDefault))
        #expect(diff.serverChanged)
        #expect(diff.changed.isEmpty && diff.added.isEmpty && diff.removed.isEmpty)
    }
}
