import CivilDate
import Testing

@Suite struct CivilDateTests {
    static let known: [(CivilDate, Int64)] = [
        (CivilDate(year: 1970, month: 1, day: 1), 0),
        (CivilDate(year: 1969, month: 12, day: 31), -1),
        (CivilDate(year: 2000, month: 2, day: 29), 11_016),
        (CivilDate(year: 2000, month: 3, day: 1), 11_017),
        (CivilDate(year: 2026, month: 11, day: 26), 20_783),
        (CivilDate(year: 1900, month: 3, day: 1), -25_508),
        (CivilDate(year: 1600, month: 2, day: 29), -135_081),
    ]

    @Test(arguments: known)
    func knownDays(date: CivilDate, days: Int64) {
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
    }

    @Test func everyDayOfFourCenturiesRoundTripsAndFollowsTheLastOne() {
        var previous = CivilDate(daysSinceEpoch: -146_098)
        for days in Int64(-146_097)...146_097 {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let nextDay = previous.day < CivilDate.daysIn(month: previous.month, year: previous.year)
            let expected = nextDay
                ? CivilDate(year: previous.year, month: previous.month, day: previous.day + 1)
                : previous.month < 12 ? CivilDate(year: previous.year, month: previous.month + 1, day: 1)
                : CivilDate(year: previous.year + 1, month: 1, day: 1)
            if date != expected { Issue.record("\(days): \(date) after \(previous)"); return }
            previous = date
        }
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeap(2000) && CivilDate.isLeap(2024) && !CivilDate.isLeap(1900) && !CivilDate.isLeap(2026))
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29 && CivilDate.daysIn(month: 2, year: 2100) == 28)
    }
}
