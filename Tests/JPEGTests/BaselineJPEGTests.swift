import Frames
import JPEG
import JPEGSyntax
import Testing

/// The marker walker against libjpeg-turbo's own output and against hand-made JPEGs.
@Suite
struct BaselineJPEGTests {
    static func encoded(width: Int = 320, height: Int = 176, quality: Int = 80) throws -> [UInt8] {
        let (picture, _) = JPEGEncoderTests.bars(width: width, height: height)
        return try JPEGEncoder(quality: quality).encode(picture.view, standard: .forPicture(height: height))
    }

    @Test(arguments: [10, 50, 80, 99])
    func encoderOutputParsesWithTheTablesOfItsQuality(quality: Int) throws {
        let jpeg = try Self.encoded(quality: quality)
        // The parse only succeeds when every DHT holds the typical tables of T.81 Annex K.3.
        let parsed = try BaselineJPEG.parse(jpeg)
        #expect(parsed.parameters.width == 320 && parsed.parameters.height == 176)
        #expect(parsed.parameters.sampling == .yuv420)
        #expect(parsed.parameters.restartInterval == 0)
        // libjpeg scales the Annex K tables for a quality as RFC 2435 Appendix A does for Q.
        let expected = JPEGQuantizationTable.rfc2435(q: quality)
        #expect(parsed.parameters.quantizationTables == [expected.luminance, expected.chrominance])
        #expect(parsed.scan.upperBound == jpeg.count - 2, "the scan ends at EOI")
        #expect(parsed.scan.lowerBound > 600 && parsed.scan.lowerBound < 700, "headers end before the scan: \(parsed.scan)")
    }

    @Test func headersRebuiltForTheScanDecodeToTheSamePixels() throws {
        let jpeg = try Self.encoded(width: 640, height: 360)
        let parsed = try BaselineJPEG.parse(jpeg)
        let rebuilt = parsed.parameters.headers() + jpeg[parsed.scan] + [0xFF, 0xD9]
        let original = try DecodedRGB(jpeg: jpeg)
        let decoded = try DecodedRGB(jpeg: rebuilt)
        #expect(decoded.width == 640 && decoded.height == 360)
        #expect(decoded.pixels == original.pixels)
        #expect(try BaselineJPEG.parse(rebuilt).parameters == parsed.parameters)
    }

    @Test func restartMarkersInTheScanAreKept() throws {
        var parameters = try BaselineJPEG.parse(try Self.encoded()).parameters
        parameters.restartInterval = 20
        let scan: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD1, 0x78]
        let jpeg = parameters.headers() + scan + [0xFF, 0xD9]
        let parsed = try BaselineJPEG.parse(jpeg)
        #expect(parsed.parameters == parameters)
        #expect(Array(jpeg[parsed.scan]) == scan)
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        let jpeg = try Self.encoded(width: 64, height: 48)
        for cut in 0..<(jpeg.count - 1) {
            #expect(throws: BaselineJPEGError.self) { try BaselineJPEG.parse(Array(jpeg.prefix(cut))) }
        }
    }

    @Test func jpegsRFC2435CannotCarryAreRefusedByName() throws {
        let jpeg = try Self.encoded(width: 64, height: 48)
        let parsed = try BaselineJPEG.parse(jpeg)
        func replacing(_ marker: [UInt8], _ change: (inout [UInt8], Int) -> Void) throws -> [UInt8] {
            var copy = jpeg
            let at = try #require((0..<(copy.count - 1)).first { copy[$0] == marker[0] && copy[$0 + 1] == marker[1] })
            change(&copy, at)
            return copy
        }
        #expect(throws: BaselineJPEGError.notJPEG) { try BaselineJPEG.parse([0x00, 0xD8]) }
        #expect(throws: BaselineJPEGError.notBaseline(marker: 0xC2)) {
            try BaselineJPEG.parse(try replacing([0xFF, 0xC0]) { $0[$1 + 1] = 0xC2 })
        }
        #expect(throws: BaselineJPEGError.unsupportedComponents) {
            try BaselineJPEG.parse(try replacing([0xFF, 0xC0]) { $0[$1 + 11] = 0x11 })  // luma 1×1: 4:4:4
        }
        #expect(throws: BaselineJPEGError.nonTypicalHuffmanTable(tableClass: 0, destination: 0)) {
            try BaselineJPEG.parse(try replacing([0xFF, 0xC4]) { $0[$1 + 6] ^= 1 })  // a count of the first table
        }
        #expect(throws: BaselineJPEGError.unexpectedMarker(0xC0, at: parsed.scan.lowerBound + 3)) {
            var copy = jpeg
            copy[parsed.scan.lowerBound + 3] = 0xFF
            copy[parsed.scan.lowerBound + 4] = 0xC0
            try BaselineJPEG.parse(copy)
        }
        #expect(throws: BaselineJPEGError.missingEndOfImage) { try BaselineJPEG.parse(Array(jpeg.dropLast(2))) }
    }

    @Test func withScanHandsOverTheParsedPieces() throws {
        let (picture, _) = JPEGEncoderTests.bars(width: 320, height: 176)
        let encoder = try JPEGEncoder(quality: 70)
        let whole = try encoder.encode(picture.view, standard: .bt601)
        let (parameters, scan) = try encoder.withScan(picture.view, standard: .bt601) { ($0, Array($1)) }
        let parsed = try BaselineJPEG.parse(whole)
        #expect(parameters == parsed.parameters)
        #expect(scan == Array(whole[parsed.scan]))
    }
}
