import Testing
@testable import RTSP

@Suite struct RangeHeaderTests {
    static func utc(_ text: String) -> UTCTime { UTCTime(parsing: text)! }
    static func smpte(_ text: String, _ format: SMPTEFormat = .smpte) -> SMPTETime { SMPTETime(parsing: text, format: format)! }

    /// Header text as clients send it, the parsed value, and the canonical serialization.
    static let cases: [(String, RangeHeader, String)] = [
        ("npt=now-", RangeHeader(start: .now), "npt=now-"),
        ("npt=0-", RangeHeader(start: .seconds(0)), "npt=0.000-"),
        ("npt=0.000-", RangeHeader(start: .seconds(0)), "npt=0.000-"),
        ("npt=1.5-10", RangeHeader(start: .seconds(1.5), end: .seconds(10)), "npt=1.500-10.000"),
        ("npt=10.5-20", RangeHeader(start: .seconds(10.5), end: .seconds(20)), "npt=10.500-20.000"),
        ("npt=5-5", RangeHeader(start: .seconds(5), end: .seconds(5)), "npt=5.000-5.000"),
        ("npt=now-30", RangeHeader(start: .now, end: .seconds(30)), "npt=now-30.000"),
        ("npt=00:01:02.5-", RangeHeader(start: .seconds(62.5)), "npt=62.500-"),
        ("npt=1:00:00-", RangeHeader(start: .seconds(3600)), "npt=3600.000-"),
        ("npt=-30", RangeHeader(start: nil, end: .seconds(30)), "npt=-30.000"),
        ("npt=5.-", RangeHeader(start: .seconds(5)), "npt=5.000-"),
        ("NPT = 0 - ;time=19970123T153600Z", RangeHeader(start: .seconds(0), time: utc("19970123T153600Z")),
         "npt=0.000-;time=19970123T153600Z"),
        ("npt=0-;x-unknown=1", RangeHeader(start: .seconds(0)), "npt=0.000-"),
        // RFC 2326 §3.7 examples
        ("clock=19961108T142300Z-", RangeHeader(.clock(start: utc("19961108T142300Z"), end: nil)),
         "clock=19961108T142300Z-"),
        ("clock=19961108T143720.25Z-19961108T150000Z",
         RangeHeader(.clock(start: utc("19961108T143720.25Z"), end: utc("19961108T150000Z"))),
         "clock=19961108T143720.25Z-19961108T150000Z"),
        ("CLOCK=-20000229T235959Z", RangeHeader(.clock(start: nil, end: utc("20000229T235959Z"))),
         "clock=-20000229T235959Z"),
        // RFC 2326 §3.5 examples
        ("smpte=10:12:33:20-", RangeHeader(.smpte(.smpte, start: smpte("10:12:33:20"), end: nil)),
         "smpte=10:12:33:20-"),
        ("smpte=10:07:33-", RangeHeader(.smpte(.smpte, start: smpte("10:07:33"), end: nil)), "smpte=10:07:33-"),
        ("smpte=10:07:00-10:07:33:05.01",
         RangeHeader(.smpte(.smpte, start: smpte("10:07:00"), end: smpte("10:07:33:05.01"))),
         "smpte=10:07:00-10:07:33:05.01"),
        ("smpte-25=0:0:1:24-", RangeHeader(.smpte(.smpte25, start: smpte("00:00:01:24", .smpte25), end: nil)),
         "smpte-25=00:00:01:24-"),
        ("smpte-30-drop=00:10:00:00-00:11:00:02",
         RangeHeader(.smpte(.smpte30Drop, start: smpte("00:10:00:00", .smpte30Drop),
                            end: smpte("00:11:00:02", .smpte30Drop))),
         "smpte-30-drop=00:10:00:00-00:11:00:02"),
    ]

    @Test(arguments: cases)
    func parsesSerializesAndRoundTrips(text: String, header: RangeHeader, canonical: String) throws {
        #expect(try RangeHeader.parse(text) == header)
        #expect(header.serialized == canonical)
        #expect(try RangeHeader.parse(canonical) == header)
        #expect(RangeHeader(parsing: text) == header)
    }

    @Test func namedRanges() {
        #expect(RangeHeader.live.serialized == "npt=now-")
        #expect(RangeHeader.fromBeginning.serialized == "npt=0.000-")
        #expect(RangeHeader.live.npt?.start == .now)
        #expect(RangeHeader(.clock(start: nil, end: nil)).npt == nil)
    }

    /// Text that is not a range (answered 400) or a backwards range (answered 457).
    static let rejected: [(String, RangeHeaderError, Int)] = [
        ("", .empty, 400),
        ("garbage", .malformedRange("garbage"), 400),
        ("bytes=0-10", .unsupportedUnit("bytes"), 400),
        ("npt", .malformedRange("npt"), 400),
        ("npt=10", .malformedRange("npt=10"), 400),
        ("npt=-", .malformedRange("npt=-"), 400),
        ("npt=-5-", .malformedRange("npt=-5-"), 400),
        ("npt=1-2-3", .malformedRange("npt=1-2-3"), 400),
        ("npt=nan-inf", .invalidTime("nan"), 400),
        ("npt=0-inf", .invalidTime("inf"), 400),
        ("npt=1e3-", .invalidTime("1e3"), 400),
        ("npt=+5-", .invalidTime("+5"), 400),
        ("npt=0x10-", .invalidTime("0x10"), 400),
        ("npt=abc-", .invalidTime("abc"), 400),
        ("npt=00:60:00-", .invalidTime("00:60:00"), 400),
        ("npt=0:1:2-", .invalidTime("0:1:2"), 400),
        ("npt=1.2.3-", .invalidTime("1.2.3"), 400),
        ("npt=1234567890123-", .invalidTime("1234567890123"), 400),
        ("npt=0-;time=tomorrow", .invalidTimeParameter("tomorrow"), 400),
        ("npt=0-;time", .invalidTimeParameter(""), 400),
        ("clock=garbage", .malformedRange("clock=garbage"), 400),
        ("clock=garbage-", .invalidTime("garbage"), 400),
        ("clock=19961108T142300-", .invalidTime("19961108T142300"), 400),
        ("clock=19961308T142300Z-", .invalidTime("19961308T142300Z"), 400),
        ("clock=19970229T000000Z-", .invalidTime("19970229T000000Z"), 400),
        ("smpte=99:99:99-", .invalidTime("99:99:99"), 400),
        ("smpte=10:07-", .invalidTime("10:07"), 400),
        ("smpte=00:00:00:30-", .invalidTime("00:00:00:30"), 400),
        ("smpte-25=00:00:00:25-", .invalidTime("00:00:00:25"), 400),
        ("smpte-30-drop=00:01:00:00-", .invalidTime("00:01:00:00"), 400),
        ("smpte=100:00:00-", .invalidTime("100:00:00"), 400),
        ("npt=10-5", .endBeforeStart("npt=10-5"), 457),
        ("npt=20-10", .endBeforeStart("npt=20-10"), 457),
        ("npt=00:00:10-00:00:09.999", .endBeforeStart("npt=00:00:10-00:00:09.999"), 457),
        ("clock=19961108T142300Z-19961108T142259.9Z", .endBeforeStart("clock=19961108T142300Z-19961108T142259.9Z"), 457),
        ("clock=19970101T000000Z-19961231T235959Z", .endBeforeStart("clock=19970101T000000Z-19961231T235959Z"), 457),
        ("smpte=10:07:33-10:07:00", .endBeforeStart("smpte=10:07:33-10:07:00"), 457),
        ("smpte=10:07:33:05-10:07:33:04.99", .endBeforeStart("smpte=10:07:33:05-10:07:33:04.99"), 457),
    ]

    @Test(arguments: rejected)
    func rejects(text: String, error: RangeHeaderError, status: Int) {
        #expect(throws: error) { try RangeHeader.parse(text) }
        #expect(RangeHeader(parsing: text) == nil)
        #expect(error.status.code == status)
        #expect(error.isMalformed == (status == 400))
    }

    @Test func tooLong() {
        let text = "npt=0-" + String(repeating: " ", count: RangeHeader.maximumLength)
        #expect(throws: RangeHeaderError.tooLong(length: text.utf8.count, limit: RangeHeader.maximumLength)) {
            try RangeHeader.parse(text)
        }
    }
}
