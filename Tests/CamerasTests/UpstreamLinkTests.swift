import Testing
@testable import Cameras

/// The upstream connection's decisions with a fake time: 1 s backoff doubling to 4 s,
/// a 2 s idle delay and a 10 s outage window.
@Suite struct UpstreamLinkTests {
    typealias Action = UpstreamLink.Action
    static let second: Int64 = 1_000_000_000

    static func link(alwaysOn: Bool = false) -> UpstreamLink {
        UpstreamLink(
            configuration: .init(
                alwaysOn: alwaysOn, idleStopDelayNanoseconds: 2 * second, outageNanoseconds: 10 * second,
                describeTimeoutNanoseconds: 5 * second),
            backoff: ReconnectBackoff(initialNanoseconds: second, maximumNanoseconds: 4 * second))
    }

    @Test func onDemandConnectsForADescribeAndClosesWhenNobodyWatches() {
        var link = Self.link()
        #expect(link.start(at: 0) == [])
        #expect(link.describe(at: 0) == [.scheduleDescribeTimeout(at: 5 * Self.second), .connect])
        #expect(link.describe(at: 0) == [], "a second DESCRIBE waits for the same session")
        #expect(link.described(encodingName: "H264", isSupported: true, at: 1) == [.answerDescribes, .scheduleIdleStop(at: 1 + 2 * Self.second)])
        #expect(link.watchersChanged(watched: true, at: 10) == [.cancelIdleStop])
        #expect(link.watchersChanged(watched: false, at: 20) == [.scheduleIdleStop(at: 20 + 2 * Self.second)])
        #expect(link.idleStopFired(at: 20 + 2 * Self.second) == [.disconnect])
        #expect(link.state == .idle)
    }

    @Test func alwaysOnConnectsAtStartAndStaysUp() {
        var link = Self.link(alwaysOn: true)
        #expect(link.start(at: 0) == [.connect])
        #expect(link.described(encodingName: "H264", isSupported: true, at: 0) == [])
        #expect(link.watchersChanged(watched: false, at: 0) == [])
    }

    @Test func failuresBackOffExponentiallyUpToTheCap() {
        var link = Self.link(alwaysOn: true)
        _ = link.start(at: 0)
        var now: Int64 = 0
        var delays: [Int64] = []
        for _ in 0..<4 {
            let actions = link.failed(at: now)
            guard case .retrying(let at) = link.state else { Issue.record("not retrying"); return }
            #expect(actions == [.disconnect, .scheduleRetry(at: at)])
            delays.append(at - now)
            now = at
            #expect(link.retryFired(at: now) == [.connect])
        }
        #expect(delays == [1, 2, 4, 4].map { $0 * Self.second })
        #expect(link.described(encodingName: "H264", isSupported: true, at: now) == [])
        #expect(link.reconnects == 0, "the first session that described itself is no reconnect")
        _ = link.failed(at: now)
        guard case .retrying(let at) = link.state else { Issue.record("not retrying"); return }
        #expect(at - now == Self.second, "a success resets the backoff")
        _ = link.retryFired(at: at)
        _ = link.described(encodingName: "H264", isSupported: true, at: at)
        #expect(link.reconnects == 1)
        #expect(link.failures == 5)
    }

    @Test func aDescribeWhileDownIsRefusedWithTheTimeToTheNextAttempt() {
        var link = Self.link(alwaysOn: true)
        _ = link.start(at: 0)
        _ = link.failed(at: 0)
        _ = link.retryFired(at: Self.second)
        _ = link.failed(at: Self.second)  // next attempt at 3 s
        #expect(link.describe(at: Self.second + 1) == [.refuseDescribes(.upstreamUnavailable(retryAfterSeconds: 2))])
    }

    @Test func aWaitingDescribeIsRefusedWhenTheConnectionFails() {
        var link = Self.link()
        _ = link.describe(at: 0)
        let actions = link.failed(at: 0)
        #expect(actions.contains(.refuseDescribes(.upstreamUnavailable(retryAfterSeconds: 1))))
        #expect(actions.contains(.scheduleIdleStop(at: 2 * Self.second)))
        #expect(link.retryFired(at: Self.second) == [], "nobody wants it any more")
    }

    @Test func anUnsupportedCodecIsRefusedAsSuch() {
        var link = Self.link()
        _ = link.describe(at: 0)
        let actions = link.described(encodingName: "H265", isSupported: false, at: 0)
        #expect(actions.starts(with: [.disconnect, .refuseDescribes(.unsupportedCodec("H265"))]))
        #expect(link.describe(at: 1) == [.refuseDescribes(.unsupportedCodec("H265"))] + [.scheduleIdleStop(at: 1 + 2 * Self.second)])
    }

    @Test func viewersKeepTheirSessionsThroughAShortOutage() {
        var link = Self.link()
        _ = link.watchersChanged(watched: true, at: 0)
        _ = link.described(encodingName: "H264", isSupported: true, at: 0)
        let actions = link.failed(at: 5)
        #expect(actions.contains(.scheduleOutageEnd(at: 5 + 10 * Self.second)))
        _ = link.retryFired(at: 5 + Self.second)
        _ = link.described(encodingName: "H264", isSupported: true, at: 6 + Self.second)
        #expect(link.resumed(at: 7 + Self.second) == [.cancelOutageEnd])
        #expect(link.outageExpired(at: 5 + 10 * Self.second) == [], "the outage ended in time")
    }

    @Test func viewersAreEndedWhenTheOutageOutlastsItsWindow() {
        var link = Self.link()
        _ = link.watchersChanged(watched: true, at: 0)
        _ = link.described(encodingName: "H264", isSupported: true, at: 0)
        _ = link.failed(at: 0)
        #expect(link.outageExpired(at: 10 * Self.second - 1) == [])
        #expect(link.outageExpired(at: 10 * Self.second) == [.endViewers])
    }

    @Test func aDescribeThatWaitsTooLongIsRefused() {
        var link = Self.link()
        _ = link.describe(at: 0)
        #expect(link.describeTimedOut(at: 5 * Self.second).first == .refuseDescribes(.upstreamUnavailable(retryAfterSeconds: 1)))
        #expect(link.describeTimedOut(at: 6 * Self.second) == [])
    }
}
