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

    @Test func aLoopsGOPDefaultsToOneSecond() throws {
        let config = try parse("""
            cameras:
              - path: a
                streams: [{fps: 15, mode: loop}, {name: b, fps: 15, mode: loop, gop: 45}, {name: c, fps: 15}]
            """)
        #expect(config.cameras[0].streams.map(\.gop) == [15, 45, 30])
    }

    @Test func modeOverrideSetsEveryStreamAndMovesADefaultGOP() throws {
        let base = try parse("""
            cameras:
              - path: a
                streams: [{fps: 15}, {name: sub, fps: 10, gop: 7}]
            """)
        let looped = try ConfigOverrides(cameraCount: 3, mode: .loop).apply(to: base)
        #expect(looped.cameras.count == 3)
        for camera in looped.cameras {
            #expect(camera.streams.map(\.mode) == [.loop, .loop])
            #expect(camera.streams.map(\.gop) == [15, 7])
        }
        let pinned = try ConfigOverrides(gop: 30, mode: .loop).apply(to: base)
        #expect(pinned.cameras[0].streams[0].gop == 30)
        let shared = try ConfigOverrides(mode: .shared).apply(to: base)
        #expect(shared.cameras[0].streams.map(\.mode) == [.shared, .shared])
        #expect(shared.cameras[0].streams[0].gop == 30)
    }
}
