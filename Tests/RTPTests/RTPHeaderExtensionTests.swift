import Testing
@testable import RTP

@Suite("RTPHeaderExtension")
struct RTPHeaderExtensionTests {
    static func written(_ headerExtension: RTPHeaderExtension) -> [UInt8] {
        var bytes: [UInt8] = []
        headerExtension.write(into: &bytes)
        return bytes
    }

    @Test func writesProfileWordCountAndPaddedData() {
        #expect(Self.written(RTPHeaderExtension(profile: 0xBEDE)) == hexBytes("BEDE0000"))
        #expect(Self.written(RTPHeaderExtension(profile: 0xBEDE, data: [1, 2, 3, 4, 5])) == hexBytes("BEDE0002 01020304 05000000"))
        #expect(RTPHeaderExtension(profile: 0, data: [1, 2, 3, 4, 5]).encodedSize == 12)
    }

    @Test func roundTripsThroughHeader() throws {
        let header = RTPHeader(payloadType: 96, sequenceNumber: 1, timestamp: 2, ssrc: 3, headerExtension: RTPHeaderExtension(profile: 0x1234, data: [9, 8, 7, 6, 5, 4, 3, 2]))
        var bytes: [UInt8] = []
        header.write(into: &bytes)
        #expect(bytes == hexBytes("90 60 0001 00000002 00000003 12340002 0908070605040302"))
        let (parsed, range) = try RTPHeader.parse(bytes)
        #expect(parsed == header)
        #expect(range == 24..<24)
    }
}
