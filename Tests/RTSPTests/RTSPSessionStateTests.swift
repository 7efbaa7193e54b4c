import Testing
@testable import RTSP

@Suite struct RTSPSessionStateTests {
    typealias Outcome = Result<RTSPSessionAction, RTSPStatus>

    /// A state reached by applying `methods` (all SETUPs on track 0) from a fresh session.
    static func session(after methods: [RTSPMethod]) -> RTSPSessionState {
        var state = RTSPSessionState(createdAt: .zero)
        for method in methods { _ = state.handle(method, target: .track(0), at: .zero) }
        return state
    }

    static let transitions: [([RTSPMethod], RTSPMethod, RTSPControlTarget, Outcome, RTSPSessionState.State)] = [
        ([], .setup, .track(0), .success(.setUp(.track(0))), .ready),
        ([], .setup, .aggregate, .success(.setUp(.aggregate)), .ready),
        ([], .setup, .none, .failure(.notFound), .initial),
        ([], .play, .aggregate, .failure(.methodNotValidInThisState), .initial),
        ([], .pause, .aggregate, .failure(.methodNotValidInThisState), .initial),
        ([], .teardown, .aggregate, .success(.teardown), .closed),
        ([], .getParameter, .aggregate, .success(.keepAlive), .initial),
        ([.setup], .setup, .track(0), .success(.setUpAgain(.track(0))), .ready),
        ([.setup], .setup, .track(1), .success(.setUp(.track(1))), .ready),
        ([.setup], .play, .aggregate, .success(.startPlaying), .playing),
        ([.setup], .pause, .aggregate, .failure(.methodNotValidInThisState), .ready),
        ([.setup, .play, .pause], .pause, .aggregate, .failure(.methodNotValidInThisState), .ready),
        ([.setup], .teardown, .aggregate, .success(.teardown), .closed),
        ([.setup], .options, .aggregate, .success(.keepAlive), .ready),
        ([.setup], .record, .aggregate, .failure(.methodNotAllowed), .ready),
        ([.setup], .announce, .aggregate, .failure(.methodNotAllowed), .ready),
        ([.setup], .other("FLUSH"), .aggregate, .failure(.notImplemented), .ready),
        ([.setup, .play], .play, .aggregate, .success(.alreadyPlaying), .playing),
        ([.setup, .play], .pause, .aggregate, .success(.pause), .ready),
        ([.setup, .play], .setup, .track(0), .success(.setUpAgain(.track(0))), .playing),
        ([.setup, .play], .setup, .track(1), .failure(.methodNotValidInThisState), .playing),
        ([.setup, .play], .setParameter, .aggregate, .success(.keepAlive), .playing),
        ([.setup, .play], .teardown, .aggregate, .success(.teardown), .closed),
        ([.setup, .play, .pause], .play, .aggregate, .success(.startPlaying), .playing),
        ([.setup, .teardown], .play, .aggregate, .failure(.sessionNotFound), .closed),
        ([.setup, .teardown], .setup, .track(0), .failure(.sessionNotFound), .closed),
        ([.setup, .teardown], .teardown, .aggregate, .failure(.sessionNotFound), .closed),
    ]

    @Test(arguments: transitions)
    func transition(
        history: [RTSPMethod], method: RTSPMethod, target: RTSPControlTarget, outcome: Outcome,
        after: RTSPSessionState.State
    ) {
        var state = Self.session(after: history)
        #expect(state.handle(method, target: target, at: .seconds(1)) == outcome)
        #expect(state.state == after)
    }

    @Test func tracksSetUpAreRemembered() {
        var state = RTSPSessionState(createdAt: .zero)
        _ = state.handle(.setup, target: .track(0), at: .zero)
        _ = state.handle(.setup, target: .track(1), at: .zero)
        _ = state.handle(.setup, target: .track(0), at: .zero)
        #expect(state.setUpTargets == [.track(0), .track(1)])
    }

    @Test func expiresAfterTheTimeoutWithoutActivity() {
        var state = RTSPSessionState(createdAt: .seconds(100), timeout: .seconds(30))
        #expect(state.timeoutSeconds == 30)
        #expect(!state.isExpired(at: .seconds(130)))
        #expect(state.isExpired(at: .seconds(130) + .milliseconds(1)))
        state.noteActivity(at: .seconds(125))
        #expect(!state.isExpired(at: .seconds(155)))
        #expect(state.isExpired(at: .seconds(156)))
        _ = state.handle(.getParameter, at: .seconds(150))
        #expect(state.lastActivity == .seconds(150))
        #expect(!state.isExpired(at: .seconds(180)))
        // A late report with an older timestamp does not move activity back.
        state.noteActivity(at: .seconds(10))
        #expect(state.lastActivity == .seconds(150))
    }

    @Test func rejectedRequestsStillCountAsActivity() {
        var state = RTSPSessionState(createdAt: .zero)
        #expect(state.handle(.play, at: .seconds(50)) == .failure(.methodNotValidInThisState))
        #expect(!state.isExpired(at: .seconds(100)))
        #expect(state.isExpired(at: .seconds(111)))
    }

    @Test func defaultTimeoutIsSixtySeconds() {
        let state = RTSPSessionState(createdAt: .zero)
        #expect(state.timeout == .seconds(60))
        #expect(!state.isExpired(at: .seconds(60)))
        #expect(state.isExpired(at: .seconds(61)))
    }
}

@Suite struct RTSPSessionStateNanosecondTests {
    @Test func nanosecondClockMatchesDurationClock() {
        let second: Int64 = 1_000_000_000
        var state = RTSPSessionState(timeout: .seconds(10), now: 5 * second)
        #expect(state.handle(.setup, target: .track(0), at: 6 * second) == .success(.setUp(.track(0))))
        #expect(state.handle(.play, at: 7 * second) == .success(.startPlaying))
        #expect(state.lastActivity == .seconds(7))
        state.noteActivity(at: 9 * second)
        #expect(!state.isExpired(at: 19 * second))
        #expect(state.isExpired(at: 19 * second + 1))
    }
}
