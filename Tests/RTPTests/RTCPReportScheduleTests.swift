import Testing
@testable import RTP

@Suite("RTCPReportSchedule")
struct RTCPReportScheduleTests {
    static let second: Int64 = 1_000_000_000

    @Test func firstReportAfterFirstDelay() {
        let schedule = RTCPReportSchedule(startNanoseconds: 10 * Self.second)
        #expect(!schedule.isDue(atNanoseconds: 10 * Self.second))
        #expect(!schedule.isDue(atNanoseconds: 10 * Self.second + 499_999_999))
        #expect(schedule.isDue(atNanoseconds: 10 * Self.second + 500_000_000))
        #expect(schedule.lastSentNanoseconds == nil)
    }

    @Test func laterReportsEveryInterval() {
        var schedule = RTCPReportSchedule(startNanoseconds: 0)
        schedule.markSent(atNanoseconds: 600_000_000)
        #expect(schedule.lastSentNanoseconds == 600_000_000)
        #expect(!schedule.isDue(atNanoseconds: 5_599_999_999))
        #expect(schedule.isDue(atNanoseconds: 5_600_000_000))
        schedule.markSent(atNanoseconds: 5_700_000_000)
        #expect(schedule.nextDueNanoseconds == 10_700_000_000)
    }

    @Test func customDelays() {
        var schedule = RTCPReportSchedule(startNanoseconds: 0, firstDelayNanoseconds: 100_000_000, intervalNanoseconds: Self.second)
        #expect(schedule.isDue(atNanoseconds: 100_000_000))
        schedule.markSent(atNanoseconds: 100_000_000)
        #expect(!schedule.isDue(atNanoseconds: 1_099_999_999))
        #expect(schedule.isDue(atNanoseconds: 1_100_000_000))
    }

    @Test func saturatesInsteadOfOverflowing() {
        var schedule = RTCPReportSchedule(startNanoseconds: 0)
        schedule.markSent(atNanoseconds: .max - 1)
        #expect(schedule.nextDueNanoseconds == .max)
        #expect(!schedule.isDue(atNanoseconds: .max - 1))
    }
}

@Suite struct RTCPReportScheduleSaturationTests {
    @Test func aScheduleStartingAtTheEndOfTimeIsNeverDue() {
        let schedule = RTCPReportSchedule(startNanoseconds: .max, firstDelayNanoseconds: 200_000_000)
        #expect(schedule.nextDueNanoseconds == .max)
        #expect(!schedule.isDue(atNanoseconds: 1_000_000_000))
    }
}
