import Testing
@testable import Server

@Suite struct ConnectionActivityTests {
    static let second: Int64 = 1_000_000_000
    static let timeouts = ConnectionTimeouts(headerSeconds: 10, idleSeconds: 60)

    @Test
    func partialRequestTimesOutFromItsFirstByte() {
        var activity = ConnectionActivity(timeouts: Self.timeouts, now: 0)
        activity.noteInput(at: 5 * Self.second, completed: 0, midMessage: true)
        // More bytes of the same request do not restart the clock.
        activity.noteInput(at: 12 * Self.second, completed: 0, midMessage: true)
        #expect(activity.nextCheck(at: 12 * Self.second, hasSessions: false) == 15 * Self.second)
        #expect(activity.check(at: 14 * Self.second, hasSessions: false) == .keep(nextCheck: 15 * Self.second))
        #expect(activity.check(at: 15 * Self.second, hasSessions: false) == .requestTimedOut)
    }

    @Test
    func completedRequestStopsTheHeaderClock() {
        var activity = ConnectionActivity(timeouts: Self.timeouts, now: 0)
        activity.noteInput(at: 1 * Self.second, completed: 0, midMessage: true)
        activity.noteInput(at: 2 * Self.second, completed: 1, midMessage: false)
        #expect(activity.partialSince == nil)
        #expect(activity.check(at: 30 * Self.second, hasSessions: false) == .keep(nextCheck: 62 * Self.second))
        // A request completed together with the start of the next one: the clock starts again.
        activity.noteInput(at: 40 * Self.second, completed: 1, midMessage: true)
        #expect(activity.partialSince == 40 * Self.second)
        #expect(activity.check(at: 50 * Self.second, hasSessions: false) == .requestTimedOut)
    }

    @Test
    func connectionWithoutSessionGoesIdle() {
        var activity = ConnectionActivity(timeouts: Self.timeouts, now: 0)
        #expect(activity.check(at: 59 * Self.second, hasSessions: false) == .keep(nextCheck: 60 * Self.second))
        #expect(activity.check(at: 60 * Self.second, hasSessions: false) == .idle)
    }

    @Test
    func sessionsKeepTheConnectionAndIdleCountsFromTheirEnd() {
        var activity = ConnectionActivity(timeouts: Self.timeouts, now: 0)
        #expect(activity.check(at: 100 * Self.second, hasSessions: true) == .keep(nextCheck: 115 * Self.second))
        #expect(activity.check(at: 115 * Self.second, hasSessions: true) == .keep(nextCheck: 130 * Self.second))
        // The last session ended just after 115 s.
        #expect(activity.check(at: 130 * Self.second, hasSessions: false) == .keep(nextCheck: 175 * Self.second))
        #expect(activity.check(at: 175 * Self.second, hasSessions: false) == .idle)
    }

    @Test
    func sessionsDoNotExcuseAStalledRequest() {
        var activity = ConnectionActivity(timeouts: Self.timeouts, now: 0)
        activity.noteInput(at: 0, completed: 0, midMessage: true)
        #expect(activity.check(at: 10 * Self.second, hasSessions: true) == .requestTimedOut)
    }

    @Test
    func zeroTurnsALimitOff() {
        var activity = ConnectionActivity(timeouts: ConnectionTimeouts(headerSeconds: 0, idleSeconds: 0), now: 0)
        activity.noteInput(at: 0, completed: 0, midMessage: true)
        #expect(activity.nextCheck(at: 0, hasSessions: false) == .max)
        #expect(activity.check(at: 1_000 * Self.second, hasSessions: false) == .keep(nextCheck: .max))
    }
}
