import Testing
@testable import Cameras

@Suite struct GOPCacheTests {
    @Test func keepsTheLastGOPFromItsIDR() {
        var cache = GOPCache<Int>(byteLimit: 100)
        cache.append(0, isIDR: false, bytes: 10)  // before any IDR: nothing to start from
        #expect(cache.units.isEmpty)
        cache.append(1, isIDR: true, bytes: 30)
        cache.append(2, isIDR: false, bytes: 10)
        cache.append(3, isIDR: false, bytes: 10)
        #expect(cache.units == [1, 2, 3])
        #expect(cache.bytes == 50)
        cache.append(4, isIDR: true, bytes: 20)
        #expect(cache.units == [4])
        #expect(cache.bytes == 20)
    }

    @Test func aGOPOverTheBoundIsDroppedWholeUntilTheNextIDR() {
        var cache = GOPCache<Int>(byteLimit: 100)
        cache.append(1, isIDR: true, bytes: 60)
        cache.append(2, isIDR: false, bytes: 40)
        #expect(cache.units == [1, 2])
        cache.append(3, isIDR: false, bytes: 1)
        #expect(cache.units.isEmpty && cache.bytes == 0 && cache.overflowed)
        cache.append(4, isIDR: false, bytes: 1)
        #expect(cache.units.isEmpty, "no half GOP after an overflow")
        cache.append(5, isIDR: true, bytes: 10)
        #expect(cache.units == [5] && !cache.overflowed)
    }

    @Test func anIDRLargerThanTheBoundIsNotKept() {
        var cache = GOPCache<Int>(byteLimit: 100)
        cache.append(1, isIDR: true, bytes: 101)
        cache.append(2, isIDR: false, bytes: 1)
        #expect(cache.units.isEmpty && cache.overflowed)
    }

    @Test func clearForgetsEverything() {
        var cache = GOPCache<Int>(byteLimit: 100)
        cache.append(1, isIDR: true, bytes: 10)
        cache.clear()
        cache.append(2, isIDR: false, bytes: 10)
        #expect(cache.units.isEmpty && cache.bytes == 0)
    }
}

@Suite struct ReconnectBackoffTests {
    @Test func doublesUpToTheCapAndResetsOnSuccess() {
        var backoff = ReconnectBackoff(initialNanoseconds: 500, maximumNanoseconds: 3_000)
        #expect((0..<6).map { _ in backoff.delayAfterFailure() } == [500, 1_000, 2_000, 3_000, 3_000, 3_000])
        backoff.succeeded()
        #expect(backoff.delayAfterFailure() == 500)
    }

    @Test func manyFailuresNeverOverflow() {
        var backoff = ReconnectBackoff(initialNanoseconds: 1_000_000_000, maximumNanoseconds: 30_000_000_000)
        for _ in 0..<200 { #expect(backoff.delayAfterFailure() <= 30_000_000_000) }
    }
}

@Suite struct ProxyTimelineTests {
    static let second: Int64 = 1_000_000_000

    @Test func followsTheUpstreamSpacingFromTheStreamBase() {
        var timeline = ProxyTimeline(base: 1_000)
        let start = ClockReading(monotonic: 0, wall: 50 * Self.second)
        let first = timeline.place(upstream: 4_000_000_000, at: start)
        #expect(first.timestamp == 1_000)
        #expect(first.wallNanos == 50 * Self.second)
        let second = timeline.place(upstream: 4_000_003_600, at: ClockReading(monotonic: 30_000_000, wall: 0))
        #expect(second.timestamp == 4_600)
        #expect(second.wallNanos == 50 * Self.second + 40_000_000)
    }

    @Test func aNewUpstreamSessionContinuesWhereTheStreamWas() {
        var timeline = ProxyTimeline(base: UInt32.max - 10)
        _ = timeline.place(upstream: 7, at: ClockReading(monotonic: 0, wall: 0))
        timeline.newSession()
        // Two seconds later an upstream with another base: 180,000 ticks on, wrapping.
        let resumed = timeline.place(upstream: 123_456, at: ClockReading(monotonic: 2 * Self.second, wall: 0))
        #expect(resumed.timestamp == (UInt32.max - 10) &+ 180_000)
    }

    @Test func theSenderReportGivesTheWallClock() {
        var timeline = ProxyTimeline(base: 0)
        // NTP 3,900,000,000 s + 0.5 s at RTP 90,000.
        let ntp = (UInt64(3_900_000_000) << 32) | UInt64(1 << 31)
        timeline.senderReport(ntpTimestamp: ntp, rtpTimestamp: 90_000)
        let unixSeconds = Int64(3_900_000_000) - 2_208_988_800
        let placed = timeline.place(upstream: 180_000, at: ClockReading(monotonic: 0, wall: 0))
        #expect(placed.wallNanos == unixSeconds * Self.second + Self.second / 2 + Self.second)
        #expect(timeline.hasSenderReport)
    }
}
