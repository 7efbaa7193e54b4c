import Testing
@testable import RTSP

@Suite struct H264FormatParametersTests {
    static let sps: [UInt8] = [0x67, 0x42, 0xC0, 0x1E, 0x95, 0xA0, 0x50, 0x7C, 0x80]
    static let pps: [UInt8] = [0x68, 0xCE, 0x3C, 0x80]

    @Test func serializesFromParameterSets() {
        let format = H264FormatParameters(sps: Self.sps, pps: Self.pps)
        #expect(format.profileLevelID == "42C01E")
        #expect(format.serialized
            == "packetization-mode=1;profile-level-id=42C01E;sprop-parameter-sets=Z0LAHpWgUHyA,aM48gA==")
    }

    @Test func startCodesAreStripped() {
        let format = H264FormatParameters(sps: [0, 0, 0, 1] + Self.sps, pps: [0, 0, 1] + Self.pps)
        #expect(format == H264FormatParameters(sps: Self.sps, pps: Self.pps))
    }

    @Test func unknownPartsAreLeftOut() {
        #expect(H264FormatParameters(sps: [], pps: []).serialized == "packetization-mode=1")
        #expect(H264FormatParameters(sps: [0x67, 0x64], pps: Self.pps, packetizationMode: 0).serialized
            == "packetization-mode=0;sprop-parameter-sets=Z2Q=,aM48gA==")
    }

    @Test func parseRoundTrips() throws {
        let format = H264FormatParameters(sps: Self.sps, pps: Self.pps)
        #expect(try H264FormatParameters.parse(format.serialized) == format)
        let lower = try H264FormatParameters.parse("profile-level-id=64001f; packetization-mode=1")
        #expect(lower.profileLevelID == "64001f")
        #expect(lower.packetizationMode == 1)
    }

    @Test(arguments: ["profile-level-id=42C0", "packetization-mode=x", "sprop-parameter-sets=!!!,aM48gA==",
                      "sprop-parameter-sets=Z0LAHpWgUHyA"])
    func rejects(text: String) {
        #expect(throws: SDPParseError.invalidFormatParameters(text)) { try H264FormatParameters.parse(text) }
    }
}
