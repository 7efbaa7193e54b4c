import Testing
@testable import Config

/// `CameraConfig.template`: the pattern and position a template camera came from, and
/// the seed the template was given.
@Suite("Camera templates")
struct CameraTemplateTests {
    @Test func templateCamerasKnowTheirPatternAndTheTemplateSeed() throws {
        let config = try parse("""
            cameras:
              - path: alone
                seed: 3
              - count: 3
                path: "site-a/cam-{n:02}"
                seed: 40
            """)
        #expect(config.cameras[0].template == nil)
        #expect(config.cameras[0].templateSeed == 3)
        #expect(config.cameras[1...].map(\.template) == (0..<3).map { CameraTemplate(pattern: "site-a/cam-{n:02}", index: $0) })
        #expect(config.cameras[1...].map(\.seed) == [40, 41, 42])
        #expect(config.cameras[1...].map(\.templateSeed) == [40, 40, 40])
        #expect(config.cameras[2].template?.name == "cam-{n:02}")
    }

    @Test func camerasFromTheCommandLineAreATemplate() throws {
        let config = try ConfigOverrides(cameraCount: 3, seed: 9).apply(to: CamsimConfig())
        #expect(config.cameras.map(\.template?.pattern) == ["cam-{n:02}", "cam-{n:02}", "cam-{n:02}"])
        #expect(config.cameras.map(\.templateSeed) == [9, 9, 9])
    }
}
