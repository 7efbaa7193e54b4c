import Testing
@testable import RTSP

@Suite struct UTCTimeTests {
    /// Text, the parsed fields (year, month, day, hour, minute, second; nil: rejected), the
    /// fraction and the canonical serialization.
    static let cases: [(String, [Int]?, String, String?)] = [
        ("19961108T142300Z", [1996, 11, 8, 14, 23, 0], "", "19961108T142300Z"),
        ("19961108T143720.25Z", [1996, 11, 8, 14, 37, 20], "25", "19961108T143720.25Z"),
        ("20000229T235959Z", [2000, 2, 29, 23, 59, 59], "", "20000229T235959Z"),
        ("20240229T000000.123456789Z", [2024, 2, 29, 0, 0, 0], "123456789", "20240229T000000.123456789Z"),
        ("19961108t142300z", [1996, 11, 8, 14, 23, 0], "", "19961108T142300Z"),
        ("19000229T000000Z", nil, "", nil), ("19970229T000000Z", nil, "", nil),
        ("19961308T142300Z", nil, "", nil), ("19961100T142300Z", nil, "", nil),
        ("19960431T000000Z", nil, "", nil), ("19961108T242300Z", nil, "", nil),
        ("19961108T146000Z", nil, "", nil), ("19961108T142360Z", nil, "", nil),
        ("19961108T142300", nil, "", nil), ("19961108 142300Z", nil, "", nil),
        ("1996118T142300Z", nil, "", nil), ("19961108T142300.Z", nil, "", nil),
        ("19961108T142300.1234567890Z", nil, "", nil), ("19961108T142300,5Z", nil, "", nil),
        ("19961108T1423005Z", nil, "", nil),
        ("garbage", nil, "", nil), ("", nil, "", nil), ("-9961108T142300Z", nil, "", nil),
    ]

    @Test(arguments: cases)
    func parsesAndSerializes(text: String, fields: [Int]?, fraction: String, canonical: String?) {
        let time = UTCTime(parsing: text)
        guard let fields, let canonical else {
            #expect(time == nil)
            return
        }
        #expect(time.map { [$0.year, $0.month, $0.day, $0.hour, $0.minute, $0.second] } == fields)
        #expect(time?.fraction == fraction)
        #expect(time?.serialized == canonical)
        #expect(UTCTime(parsing: canonical) == time)
    }

    @Test func ordering() {
        let time = UTCTime(parsing: "19961108T142300.5Z")!
        #expect(UTCTime(parsing: "19961108T142300Z")!.isBefore(time))
        #expect(!UTCTime(parsing: "19961108T142300.50Z")!.isBefore(time))
        #expect(!time.isBefore(UTCTime(parsing: "19961108T142300.50Z")!))
        #expect(time.isBefore(UTCTime(parsing: "19961108T142300.51Z")!))
        #expect(UTCTime(parsing: "19961231T235959Z")!.isBefore(UTCTime(parsing: "19970101T000000Z")!))
    }
}
