import Testing
@testable import Config

/// `mode: live | shared | loop` on a stream, and a loop's length.
@Suite("Stream modes")
struct StreamModeTests {
    @Test func modesAndLoopLength() throws {
        let config = try parse("""
            cameras:
              - path: a
                streams: [{mode: loop, loop: 4s}, {name: sub, mode: shared}, {name: third}, {name: fourth, mode: LOOP}]
            """)
        let streams = config.cameras[0].streams
        #expect(streams.map(\.mode) == [.loop, .shared, .live, .loop])
        #expect(streams.map(\.loopSeconds) == [4, 10, 10, 10])
    }

    @Test func problemsNameTheField() {
        let found = problems("""
            cameras:
              - path: a
                streams: [{mode: looped}, {name: b, loop: 5s}, {name: c, mode: loop, loop: 0.5s}, {name: d, mode: loop, loop: soon}]
            """)
        #expect(found.map(\.keyPath) == [
            "cameras[0].streams[0].mode", "cameras[0].streams[1].loop", "cameras[0].streams[2].loop",
            "cameras[0].streams[3].loop",
        ])
        #expect(found.map(\.message) == [
            "unknown stream mode 'looped'; valid modes: live, shared, loop",
            "'loop' is the length of a loop stream's loop; set 'mode: loop' or remove it",
            "loop must be between 1s and 10m, got 0.5s",
            "expected a duration such as 10s or 1m, found 'soon'",
        ])
        #expect(found.first?.suggestion?.contains("'loop'") == true)
    }

    @Test func writtenBackAndReadAgain() throws {
        let config = try parse("cameras: [{path: a, streams: [{mode: loop, loop: 1m30s}, {name: sub, mode: shared}]}]")
        let again = try parse(try config.yaml())
        #expect(again.cameras[0].streams == config.cameras[0].streams)
        #expect(again.cameras[0].streams[0].loopSeconds == 90)
    }
}
