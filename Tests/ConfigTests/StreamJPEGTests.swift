import Testing
@testable import Config

/// `codec: jpeg` and its settings: quality, and the sizes RFC 2435 can describe.
@Suite("JPEG streams")
struct StreamJPEGTests {
    @Test func jpegStreamWithQuality() throws {
        let config = try parse("""
            cameras:
              - path: a
                streams: [{size: 640x360, codec: jpeg, jpeg_quality: 90}, {name: sub, size: 320x240, codec: jpeg}]
            """)
        let streams = config.cameras[0].streams
        #expect(streams.map(\.codec) == [.jpeg, .jpeg])
        #expect(streams.map(\.jpegQuality) == [90, StreamConfig.defaultJPEGQuality])
        // The default 1280x720 is fine: 160x90 in 8-pixel units.
        #expect(try parse("cameras: [{path: a, streams: [{codec: jpeg}]}]").cameras[0].streams[0].codec == .jpeg)
    }

    @Test func sizesRFC2435CannotDescribeAreNamed() {
        for (stream, key) in [
            ("{size: 320x180, codec: jpeg}", "size"),
            ("{width: 2048, height: 1536, codec: jpeg}", "width"),
            ("{codec: jpeg, size: 644x360}", "size"),
        ] {
            let found = problems("cameras: [{path: a, streams: [\(stream)]}]")
            #expect(found.map(\.keyPath) == ["cameras[0].streams[0].\(key)"], "\(stream): \(found)")
            #expect(found.first?.message.contains("multiples of 8, at most 2040") == true, "\(found)")
        }
        #expect(throws: Never.self) { try parse("cameras: [{path: a, streams: [{size: 2040x2040, codec: jpeg}]}]") }
    }

    @Test func qualityOutOfRangeOrOnAnotherCodec() {
        let found = problems("""
            cameras:
              - path: a
                streams: [{codec: jpeg, jpeg_quality: 0}, {name: b, jpeg_quality: 80}]
            """)
        #expect(found.map(\.keyPath) == ["cameras[0].streams[0].jpeg_quality", "cameras[0].streams[1].jpeg_quality"])
        #expect(found.map(\.message) == [
            "jpeg_quality must be between 1 and 100, got 0",
            "'jpeg_quality' is a JPEG setting; a 'h264' stream does not take it",
        ])
    }

    @Test func writtenBackAndReadAgain() throws {
        let config = try parse("cameras: [{path: a, streams: [{size: 640x360, codec: jpeg, jpeg_quality: 70}]}]")
        let again = try parse(try config.yaml())
        #expect(again.cameras[0].streams == config.cameras[0].streams)
    }
}
