import Testing
@testable import Config
import Spelling

@Suite("Collecting problems")
struct ProblemCollectionTests {
    @Test func reportsEveryProblemNotJustTheFirst() {
        let found = problems("""
            server:
              port: -1
            cameras:
              - path: a
                streams:
                  - { name: main, fps: 0 }
              - path: b
                scene: noise
                colour: red
            """)
        #expect(found.count == 3)
        #expect(found.map(\.line) == [2, 6, 9])
        #expect(found.map(\.keyPath) == ["server.port", "cameras[0].streams[0].fps", "cameras[1].colour"])
    }

    @Test func suggestsNearestKeyForMisspelling() throws {
        let found = problems("""
            cameras:
              - path: a
                streams:
                  - { name: main, fsp: 25 }
            """)
        let problem = try #require(found.first)
        #expect(problem.suggestion == "did you mean 'fps'?")
        #expect(problem.column > 0)
        #expect(problem.description.contains("test.yaml:4:"))
        #expect(problem.description.contains("did you mean 'fps'?"))
    }

    @Test func suggestsNearestPresetAndFaultProfile() {
        let found = problems("""
            faults:
              flaky: { drop: 0.1 }
            cameras:
              - path: a
                faults: [flakey]
                streams:
                  - preset: veryfst
            """)
        #expect(found.map(\.suggestion) == ["did you mean 'flaky'?", "did you mean 'veryfast'?"])
    }

    @Test func listsValidKeysWhenNothingIsClose() throws {
        let problem = try #require(problems("server: { zzzzzzzz: 1 }").first)
        #expect(problem.suggestion?.hasPrefix("valid keys: port, bind") == true)
    }

    @Test func errorsDescriptionListsEveryProblem() {
        let errors = ConfigErrors(problems: problems("""
            server: { port: 99999, mtu: 1 }
            """))
        #expect(errors.description.contains("server.port"))
        #expect(errors.description.contains("server.mtu"))
        #expect(errors.description.hasSuffix("2 problems in configuration"))
    }

    @Test func editDistance() {
        #expect(Spelling.editDistance("fps", "fsp") == 1)
        #expect(Spelling.editDistance("kitten", "sitting") == 3)
        #expect(Spelling.editDistance("bitrate", "bitrat") == 1)
        #expect(Spelling.nearest(to: "bitrat", in: StreamConfig.keys) == "bitrate")
        #expect(Spelling.nearest(to: "qqqqq", in: StreamConfig.keys) == nil)
    }
}
