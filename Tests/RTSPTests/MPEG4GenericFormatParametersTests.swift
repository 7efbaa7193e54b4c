import Testing
@testable import RTSP

/// RFC 3640 §4.1 fmtp parameters for AAC-hbr: the exact text camsim writes, what it reads
/// from other servers, and what it refuses.
@Suite struct MPEG4GenericFormatParametersTests {
    static let texts = [
        "streamtype=5; profile-level-id=1; mode=AAC-hbr; sizelength=13; indexlength=3; indexdeltalength=3; config=1188",
        "profile-level-id=15;mode=AAC-hbr;config=1210;SizeLength=13;IndexLength=3;IndexDeltaLength=3;streamtype=5",
        "streamtype=5;profile-level-id=1;mode=AAC-lbr;sizelength=6;indexlength=2;indexdeltalength=2;config=1408;constantDuration=1024",
    ]

    @Test func writesAACHighBitRate() {
        let parameters = MPEG4GenericFormatParameters(config: [0x11, 0x88, 0x56, 0xE5, 0x00])
        #expect(parameters.serialized
            == "streamtype=5; profile-level-id=1; mode=AAC-hbr; sizelength=13; indexlength=3; indexdeltalength=3; config=118856E500")
    }

    @Test func readsOtherServersSpelling() throws {
        let parameters = try MPEG4GenericFormatParameters.parse(Self.texts[1])
        #expect(parameters == MPEG4GenericFormatParameters(config: [0x12, 0x10], profileLevelID: 15))
        let lbr = try MPEG4GenericFormatParameters.parse(Self.texts[2])
        #expect(lbr.mode == "AAC-lbr" && lbr.sizeLength == 6 && lbr.config == [0x14, 0x08])
    }

    @Test(arguments: texts)
    func roundTrips(text: String) throws {
        let parameters = try MPEG4GenericFormatParameters.parse(text)
        #expect(try MPEG4GenericFormatParameters.parse(parameters.serialized) == parameters)
    }

    @Test(arguments: [
        "streamtype=5; mode=AAC-hbr",  // no config
        "config=1188",  // no mode
        "mode=AAC-hbr; config=118",  // odd digits
        "mode=AAC-hbr; config=11G8",
        "mode=AAC-hbr; config=" + String(repeating: "00", count: 65),
        "mode=AAC-hbr; config=1188; sizelength=1234567",
        "mode=AAC hbr; config=1188",
    ])
    func refuses(text: String) {
        #expect(throws: SDPParseError.invalidFormatParameters(text)) { try MPEG4GenericFormatParameters.parse(text) }
    }
}
