import Testing
@testable import RTP

@Suite("NTPTimestamp")
struct NTPTimestampTests {
    @Test func unixEpoch() {
        #expect(NTPTimestamp(unixNanoseconds: 0).rawValue == 0x83AA_7E80_0000_0000)
    }

    @Test func halfSecond() {
        let timestamp = NTPTimestamp(unixNanoseconds: 500_000_000)
        #expect(timestamp.rawValue == 0x83AA_7E80_8000_0000)
        #expect(timestamp.seconds == 0x83AA_7E80)
        #expect(timestamp.fraction == 0x8000_0000)
        #expect(timestamp.middle32 == 0x7E80_8000)
    }

    @Test func year2000() {
        // 2000-01-01T00:00:00Z is Unix 946684800 and NTP 3155673600.
        #expect(NTPTimestamp(unixNanoseconds: 946_684_800_000_000_000).rawValue == 0xBC17_C200_0000_0000)
    }

    @Test func fractionIsTruncated() {
        #expect(NTPTimestamp(unixNanoseconds: 1).fraction == 4)  // 2^32 / 10^9 = 4.29...
        #expect(NTPTimestamp(unixNanoseconds: 999_999_999).fraction == 0xFFFF_FFFB)
    }

    @Test func beforeUnixEpoch() {
        #expect(NTPTimestamp(unixNanoseconds: -1).rawValue == 0x83AA_7E7F_FFFF_FFFB)
        #expect(NTPTimestamp(unixNanoseconds: -2_208_988_800_000_000_000).rawValue == 0)
    }

    @Test func eraWraps() {
        // 2036-02-07T06:28:16Z starts NTP era 1.
        #expect(NTPTimestamp(unixNanoseconds: 2_085_978_496_000_000_000).rawValue == 0)
        #expect(NTPTimestamp(unixNanoseconds: .max).seconds == UInt32(truncatingIfNeeded: Int64.max / 1_000_000_000 + 2_208_988_800))
    }
}
