import FuzzSeedSupport
import Testing
@testable import RTSP

@Suite("H265FormatParameters")
struct H265FormatParametersTests {
    /// Parameter sets x265 3.5 wrote for a 320x240 Main profile stream at level 2.
    static let vps = hex("40010C01FFFF016000000300900000030000 03003CBA0240")
    static let sps = hex("42010101600000030090000003000003003CA00A080F165BA4A4C2F01010000003001000000300F080")
    static let pps = hex("4401C0718312")
    static let x265 = H265FormatParameters(
        profileID: 1, tierFlag: 0, levelID: 60,
        videoParameterSets: [vps], sequenceParameterSets: [sps], pictureParameterSets: [pps]
    )
    static let x265Text = "profile-id=1;tier-flag=0;level-id=60;sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwA8ugJA;"
        + "sprop-sps=QgEBAWAAAAMAkAAAAwAAAwA8oAoIDxZbpKTC8BAQAAADABAAAAMA8IA=;sprop-pps=RAHAcYMS"

    /// Texts that must be refused, with why.
    static let invalid: [(String, String)] = [
        ("profile-id=32", "profile-id is 5 bits"),
        ("tier-flag=2", "tier-flag is one bit"),
        ("profile-space=4", "profile-space is 2 bits"),
        ("level-id=256", "level-id is 8 bits"),
        ("level-id=abc", "not a number"),
        ("level-id=", "empty number"),
        ("sprop-vps=!!!!", "not base64"),
        ("sprop-sps=", "empty parameter set"),
        ("sprop-pps=RAHAcYMS,", "empty second parameter set"),
        ("sprop-vps=" + Array(repeating: "QUFB", count: 1025).joined(), "over the length limit"),
        ("sprop-pps=" + Array(repeating: "RAHA", count: 17).joined(separator: ","), "over the count limit"),
    ]

    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.filter { !$0.isWhitespace })
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }

    @Test func serializesX265ParameterSets() {
        #expect(Self.x265.serialized == Self.x265Text)
    }

    @Test func parsesWhatItWrites() throws {
        #expect(try H265FormatParameters.parse(Self.x265Text) == Self.x265)
    }

    @Test func parsesAForeignServersLine() throws {
        // live555's order and spacing, with interop-constraints and an unknown parameter.
        let text = "profile-space=0;profile-id=1;tier-flag=0;level-id=93;interop-constraints=B00000000000;"
            + " sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwA8ugJA; sprop-sps=QgEBAWAAAAMAkAAAAwAAAwA8oAoIDxZbpKTC8BAQAAADABAAAAMA8IA=,RAHAcYMS;"
            + "sprop-pps=RAHAcYMS;x-unknown=1;flag"
        let parsed = try H265FormatParameters.parse(text)
        #expect(parsed.profileSpace == 0 && parsed.profileID == 1 && parsed.tierFlag == 0 && parsed.levelID == 93)
        #expect(parsed.videoParameterSets == [Self.vps])
        #expect(parsed.sequenceParameterSets == [Self.sps, Self.pps])
        #expect(parsed.pictureParameterSets == [Self.pps])
    }

    @Test func emptyTextIsNoParameters() throws {
        #expect(try H265FormatParameters.parse("") == H265FormatParameters())
        #expect(H265FormatParameters().serialized == "")
    }

    @Test("refuses", arguments: invalid)
    func refuses(text: String, why: String) {
        #expect(throws: SDPParseError.invalidFormatParameters(text), "\(why)") { try H265FormatParameters.parse(text) }
    }

    @Test func fuzzSeeds() throws {
        try FuzzSeeds.check("h265-fmtp", texts: [Self.x265Text, "profile-space=0;profile-id=1;level-id=93;interop-constraints=B00000000000"]
            + Self.invalid.map(\.0).prefix(3))
    }
}
