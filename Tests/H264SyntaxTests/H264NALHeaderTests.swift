import H264Syntax
import Testing

@Suite("H264NALHeader")
struct H264NALHeaderTests {
    @Test func splitsFields() {
        let header = H264NALHeader(rawValue: 0xE5)  // F=1 NRI=3 type=5
        #expect(header.forbidden)
        #expect(header.nri == 3)
        #expect(header.type == 5)
    }

    @Test func buildsFromFields() {
        #expect(H264NALHeader(nri: 3, type: H264NALType.sequenceParameterSet).rawValue == 0x67)
        #expect(H264NALHeader(forbidden: true, nri: 1, type: H264NALType.stapA).rawValue == 0xB8)
        #expect(H264NALHeader(nri: 7, type: 0xFF).rawValue == 0x7F)  // out-of-range fields masked
    }
}
