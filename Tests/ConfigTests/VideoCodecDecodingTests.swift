import Testing
@testable import Config

@Suite("codec: on a stream")
struct VideoCodecDecodingTests {
    @Test("each codec name", arguments: [("h264", VideoCodec.h264), ("h265", .h265), ("jpeg", .jpeg), ("H265", .h265)])
    func names(text: String, codec: VideoCodec) throws {
        let config = try parse("""
            cameras:
              - path: a
                streams: [ { codec: \(text) } ]
            """)
        #expect(config.cameras[0].streams[0].codec == codec)
    }

    @Test func defaultIsH264() throws {
        let config = try parse("cameras: [ { path: a } ]")
        #expect(config.cameras[0].streams[0].codec == .h264)
    }

    @Test func unknownCodecIsNamedWithASuggestion() {
        let found = problems("""
            cameras:
              - path: a
                streams: [ { codec: h256 } ]
            """)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("unknown video codec 'h256'") == true)
        #expect(found.first?.keyPath.hasSuffix("codec") == true)
        #expect(found.first?.suggestion == "did you mean 'h265'?")
    }

    @Test func profileIsRefusedOutsideH264() {
        let found = problems("""
            cameras:
              - path: a
                streams: [ { codec: h265, profile: main } ]
            """)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("H.264 setting") == true)
        #expect(found.first?.keyPath.hasSuffix("profile") == true)
    }

    @Test func x264OnlyTuneIsRefusedForH265() throws {
        let found = problems("""
            cameras:
              - path: a
                streams: [ { codec: h265, tune: "fastdecode,stillimage" } ]
            """)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("x265 has no tune 'stillimage'") == true)
        let config = try parse("""
            cameras:
              - path: a
                streams: [ { codec: h265, tune: "zerolatency,fastdecode" }, { name: b, tune: stillimage } ]
            """)
        #expect(config.cameras[0].streams.map(\.tune) == ["zerolatency,fastdecode", "stillimage"])
    }

    @Test func codecSurvivesTheWrittenConfiguration() throws {
        let config = try parse("""
            cameras:
              - path: a
                streams: [ { codec: h265, size: 320x240 } ]
            """)
        let text = try config.yaml()
        #expect(try parse(text).cameras[0].streams[0].codec == .h265)
    }
}
