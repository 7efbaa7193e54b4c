import Testing
@testable import RTSP

@Suite struct RangeHeaderTests {
    static let cases: [(String, RangeHeader, String)] = [
        ("npt=now-", RangeHeader(start: .now), "npt=now-"),
        ("npt=0-", RangeHeader(start: .seconds(0)), "npt=0.000-"),
        ("npt=0.000-", RangeHeader(start: .seconds(0)), "npt=0.000-"),
        ("npt=10.5-20", RangeHeader(start: .seconds(10.5), end: .seconds(20)), "npt=10.500-20.000"),
        ("npt=00:01:02.5-", RangeHeader(start: .seconds(62.5)), "npt=62.500-"),
        ("npt=1:00:00-", RangeHeader(start: .seconds(3600)), "npt=3600.000-"),
        ("npt=-30", RangeHeader(start: nil, end: .seconds(30)), "npt=-30.000"),
        ("npt=5.-", RangeHeader(start: .seconds(5)), "npt=5.000-"),
        ("NPT = 0 - ;time=19970123T153600Z", RangeHeader(start: .seconds(0), time: "19970123T153600Z"),
         "npt=0.000-;time=19970123T153600Z"),
    ]

    @Test(arguments: cases)
    func parsesAndSerializes(text: String, header: RangeHeader, canonical: String) throws {
        #expect(try RangeHeader.parse(text) == header)
        #expect(header.serialized == canonical)
        #expect(try RangeHeader.parse(canonical) == header)
    }

    @Test func namedRanges() {
        #expect(RangeHeader.live.serialized == "npt=now-")
        #expect(RangeHeader.fromBeginning.serialized == "npt=0.000-")
    }

    static let garbage: [(String, RangeHeaderError)] = [
        ("", .empty), ("smpte=0:10:00-", .unsupportedUnit("smpte")), ("clock=19961108T142300Z-", .unsupportedUnit("clock")),
        ("npt=10", .malformedRange("npt=10")), ("npt=-", .malformedRange("npt=-")), ("npt", .malformedRange("npt")),
        ("npt=abc-", .invalidTime("abc")), ("npt=00:60:00-", .invalidTime("00:60:00")),
        ("npt=0:1:2-", .invalidTime("0:1:2")), ("npt=1.2.3-", .invalidTime("1.2.3")),
        ("npt=20-10", .endBeforeStart("npt=20-10")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: RangeHeaderError) {
        #expect(throws: error) { try RangeHeader.parse(text) }
        #expect(RangeHeader(parsing: text) == nil)
    }
}
