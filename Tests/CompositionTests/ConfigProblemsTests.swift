import Composition
import Config
import Foundation
import Frames
import Server
import Testing

/// Scene and fault problems found after a configuration loads name the configuration
/// file's own lines, even for scenes and faults written inline and in flow style.
@Suite struct ConfigProblemsTests {
    static let yaml = """
        faults:
          shaky:
            jitter: 3ms
            jitre: 4ms
        cameras:
          - path: a
            scene:
              background: {type: solid, colour: red}
              layers:
                - type: text
                  text: "{camera}"
          - path: b
            scene: {background: {type: bars}, layers: [{type: text}]}
            faults: {loss: 5%, lose: 3%}
          - path: c
            faults:
              - shaky
              - {delay: 5ms, delya: 6ms}
              - lte
          - path: d
            faults: [shaky, {reorder: 1%, "jiter": 2ms}, lte]
        """

    @Test func inlineProblemsNameTheirLineInTheFile() throws {
        let config = try ConfigLoader(knownFaultProfiles: ["lte"]).parse(yaml: Self.yaml, file: "cams.yaml")
        let scenes = SceneLibrary(directory: URL(fileURLWithPath: "/nonexistent"))
        let problems = CamsimServer.problems(in: config, scenes: scenes)
        let places = problems.map { $0.split(separator: " ").first(where: { $0.contains("cams.yaml:") }).map(String.init) }
        #expect(problems.count == 8, "\(problems)")
        // The fault catalog's problem, then each camera's scene, then its faults.
        #expect(problems.contains { $0.contains("cams.yaml:4") && $0.contains("jitre") }, "\(problems)")
        #expect(problems.contains { $0.contains("cams.yaml:11:") && $0.contains("layers[0].text") }, "\(problems)")
        #expect(problems.contains { $0.contains("cams.yaml:13:") && $0.contains("\"bars\"") }, "\(problems)")
        // Every problem of a scene, not just its first.
        #expect(problems.contains { $0.contains("camera 'a': cams.yaml:10: layers[0].template: missing") }, "\(problems)")
        #expect(problems.contains { $0.contains("camera 'b': cams.yaml:13: layers[0].template: missing") }, "\(problems)")
        #expect(problems.contains { $0.contains("cams.yaml:14") && $0.contains("lose") }, "\(problems)")
        #expect(problems.contains { $0.contains("cams.yaml:18") && $0.contains("delya") }, "\(problems)")
        // A flow item with more after it on its line.
        #expect(problems.contains { $0.contains("cams.yaml:21") && $0.contains("jiter") }, "\(problems)")
        #expect(places.allSatisfy { $0 != nil }, "\(problems)")
    }
}
