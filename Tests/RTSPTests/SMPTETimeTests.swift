import Testing
@testable import RTSP

@Suite struct SMPTETimeTests {
    /// Text, format, the parsed fields (hours, minutes, seconds, frames, subframes; nil: rejected)
    /// and the canonical serialization.
    static let cases: [(String, SMPTEFormat, [Int?]?, String?)] = [
        ("10:07:33", .smpte, [10, 7, 33, nil, nil], "10:07:33"),
        ("10:07:33:05.01", .smpte, [10, 7, 33, 5, 1], "10:07:33:05.01"),
        ("1:2:3", .smpte, [1, 2, 3, nil, nil], "01:02:03"),
        ("00:00:00:29", .smpte, [0, 0, 0, 29, nil], "00:00:00:29"),
        ("00:00:00.5", .smpte, [0, 0, 0, nil, 5], "00:00:00.05"),
        ("99:59:59:24.99", .smpte25, [99, 59, 59, 24, 99], "99:59:59:24.99"),
        ("00:10:00:00", .smpte30Drop, [0, 10, 0, 0, nil], "00:10:00:00"),
        ("00:01:00:02", .smpte30Drop, [0, 1, 0, 2, nil], "00:01:00:02"),
        ("00:01:01:00", .smpte30Drop, [0, 1, 1, 0, nil], "00:01:01:00"),
        ("99:99:99", .smpte, nil, nil), ("00:60:00", .smpte, nil, nil), ("00:00:60", .smpte, nil, nil),
        ("100:00:00", .smpte, nil, nil), ("00:00", .smpte, nil, nil), ("00:00:00:00:00", .smpte, nil, nil),
        ("00:00:00:30", .smpte, nil, nil), ("00:00:00:25", .smpte25, nil, nil),
        ("00:01:00:00", .smpte30Drop, nil, nil), ("00:01:00:01", .smpte30Drop, nil, nil),
        ("00:00:00.100", .smpte, nil, nil), ("00:00:00.", .smpte, nil, nil), ("00:00:00.1.2", .smpte, nil, nil),
        ("aa:00:00", .smpte, nil, nil), ("", .smpte, nil, nil), ("-1:00:00", .smpte, nil, nil),
    ]

    @Test(arguments: cases)
    func parsesAndSerializes(text: String, format: SMPTEFormat, fields: [Int?]?, canonical: String?) {
        let time = SMPTETime(parsing: text, format: format)
        guard let fields, let canonical else {
            #expect(time == nil)
            return
        }
        #expect(time.map { [$0.hours, $0.minutes, $0.seconds, $0.frames, $0.subframes] } == fields)
        #expect(time?.serialized == canonical)
        #expect(SMPTETime(parsing: canonical, format: format) == time)
    }

    @Test func ordering() {
        let earlier = SMPTETime(parsing: "10:07:33")!, later = SMPTETime(parsing: "10:07:33:00.01")!
        #expect(earlier.isBefore(later))
        #expect(!later.isBefore(earlier))
        #expect(!earlier.isBefore(SMPTETime(parsing: "10:07:33:00")!))
    }

    @Test func unitNames() {
        #expect(SMPTEFormat(unit: "SMPTE-25") == .smpte25)
        #expect(SMPTEFormat(unit: "smpte-30-drop") == .smpte30Drop)
        #expect(SMPTEFormat(unit: "smpte-24") == nil)
    }
}
