import Testing
@testable import H265Syntax

@Suite("RawByteSequencePayload")
struct RawByteSequencePayloadTests {
    @Test("emulation prevention octets", arguments: [
        ("00 00 03 01", "00 00 01"),
        ("00 00 03 00 00 03 00", "00 00 00 00 00"),
        ("00 03 00", "00 03 00"),  // one zero is not enough
        ("00 00 03", "00 00"),
        ("00 00 00 03 03", "00 00 00 03"),  // the second 03 follows a non-zero octet
        ("01 02 03", "01 02 03"),
        ("", ""),
    ])
    func removal(escaped: String, rbsp: String) {
        #expect(RawByteSequencePayload.extract(hexBytes(escaped)) == hexBytes(rbsp))
    }

    @Test func limitStopsEarly() {
        #expect(RawByteSequencePayload.extract(hexBytes("00 00 03 01 02 03"), limit: 3) == hexBytes("00 00 01"))
    }
}
