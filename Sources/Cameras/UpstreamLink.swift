/// The decisions of a proxy camera's one upstream session, without I/O: when to connect
/// and disconnect, when to retry after a failure (capped exponential backoff), how
/// DESCRIBEs are answered meanwhile, and how long playing viewers are kept through an
/// outage. Each event takes the monotonic time now and returns actions for the relay.
///
/// The rules:
/// - The upstream is connected while someone watches or describes (or always, when the
///   camera is not on demand) and closed `idleStopDelay` after the last one leaves.
/// - A failure waits `ReconnectBackoff`'s delay, then connects again if still wanted.
/// - A DESCRIBE is answered once the upstream has described itself; while upstream is
///   down it is refused at once with the time to the next attempt (503, Retry-After).
/// - Viewers playing when upstream fails keep their sessions for `outage`; the first
///   IDR after a reconnect ends the outage, otherwise they are ended when it runs out.
struct UpstreamLink: Sendable {
    struct Configuration: Sendable {
        var alwaysOn: Bool
        var idleStopDelayNanoseconds: Int64
        var outageNanoseconds: Int64
        var describeTimeoutNanoseconds: Int64 = 10_000_000_000
    }

    enum State: Equatable, Sendable {
        case idle
        case connecting
        case up
        /// Down after a failure; the next attempt is due at this time.
        case retrying(at: Int64)
    }

    enum Action: Equatable, Sendable {
        /// Open a new upstream session; report `described` or `failed`.
        case connect
        /// Close the upstream session (if one is open) and ignore its events from now on.
        case disconnect
        /// Call `retryFired` at this time.
        case scheduleRetry(at: Int64)
        /// Call `idleStopFired` at this time, replacing any scheduled idle stop.
        case scheduleIdleStop(at: Int64)
        case cancelIdleStop
        /// Call `outageExpired` at this time.
        case scheduleOutageEnd(at: Int64)
        case cancelOutageEnd
        /// Call `describeTimedOut` at this time.
        case scheduleDescribeTimeout(at: Int64)
        /// Answer the waiting DESCRIBEs (once the parameter sets are known).
        case answerDescribes
        case refuseDescribes(ProxyRefusal)
        /// The outage outlasted its window: end every viewer (RTCP BYE).
        case endViewers
    }

    let configuration: Configuration
    private(set) var state: State = .idle
    private(set) var backoff: ReconnectBackoff
    /// Sessions that described themselves after the first.
    private(set) var reconnects = 0
    /// Connection attempts that failed, and sessions lost.
    private(set) var failures = 0
    /// The codec of the last upstream that described one camsim cannot relay.
    private(set) var unsupportedCodec: String?
    private(set) var outageEndsAt: Int64?
    private(set) var describesWaiting = false
    private(set) var watched = false
    private var idleStopAt: Int64?
    private var connectedOnce = false

    init(configuration: Configuration, backoff: ReconnectBackoff) {
        self.configuration = configuration
        self.backoff = backoff
    }

    private var isWanted: Bool { watched || configuration.alwaysOn || describesWaiting }

    // MARK: - Events

    mutating func start(at now: Int64) -> [Action] {
        configuration.alwaysOn ? connectIfIdle() : []
    }

    /// A DESCRIBE asks for the session description.
    mutating func describe(at now: Int64) -> [Action] {
        switch state {
        case .up:
            return [.answerDescribes] + scheduleIdleStopIfUnwanted(at: now)
        case .connecting:
            return waitForDescription(at: now)
        case .idle:
            return waitForDescription(at: now) + connectIfIdle()
        case .retrying(let at):
            return [.refuseDescribes(refusal(retryAt: at, now: now))] + scheduleIdleStopIfUnwanted(at: now)
        }
    }

    /// Somebody started watching (true) or the last viewer left (false).
    mutating func watchersChanged(watched: Bool, at now: Int64) -> [Action] {
        self.watched = watched
        guard watched else {
            var actions: [Action] = []
            if outageEndsAt != nil {
                outageEndsAt = nil
                actions.append(.cancelOutageEnd)
            }
            return actions + scheduleIdleStopIfUnwanted(at: now)
        }
        var actions: [Action] = []
        if idleStopAt != nil {
            idleStopAt = nil
            actions.append(.cancelIdleStop)
        }
        return actions + connectIfIdle()
    }

    /// The upstream session described its video track and plays.
    mutating func described(encodingName: String, isSupported: Bool, at now: Int64) -> [Action] {
        guard state == .connecting else { return [] }
        guard isSupported else {
            unsupportedCodec = encodingName
            failures += 1
            let at = now + backoff.delayAfterFailure()
            state = .retrying(at: at)
            var actions: [Action] = [.disconnect]
            if describesWaiting {
                describesWaiting = false
                actions.append(.refuseDescribes(.unsupportedCodec(encodingName)))
            }
            actions.append(.scheduleRetry(at: at))
            actions += startOutage(at: now)
            actions += scheduleIdleStopIfUnwanted(at: now)
            return actions
        }
        unsupportedCodec = nil
        state = .up
        backoff.succeeded()
        if connectedOnce { reconnects += 1 }
        connectedOnce = true
        var actions: [Action] = []
        if describesWaiting {
            describesWaiting = false
            actions.append(.answerDescribes)
        }
        return actions + scheduleIdleStopIfUnwanted(at: now)
    }

    /// The upstream session could not be opened, or ended. Viewers watching are kept
    /// for the outage window.
    mutating func failed(at now: Int64) -> [Action] {
        switch state {
        case .connecting, .up: break
        case .idle, .retrying: return []
        }
        failures += 1
        let at = now + backoff.delayAfterFailure()
        state = .retrying(at: at)
        var actions: [Action] = [.disconnect]
        if describesWaiting {
            describesWaiting = false
            actions.append(.refuseDescribes(refusal(retryAt: at, now: now)))
        }
        actions.append(.scheduleRetry(at: at))
        actions += startOutage(at: now)
        return actions + scheduleIdleStopIfUnwanted(at: now)
    }

    /// The backoff delay passed: connect again if still wanted.
    mutating func retryFired(at now: Int64) -> [Action] {
        guard case .retrying(let at) = state, now >= at else { return [] }
        state = .idle
        return isWanted ? connectIfIdle() : []
    }

    /// Media flows again from an IDR: the outage is over.
    mutating func resumed(at now: Int64) -> [Action] {
        guard outageEndsAt != nil else { return [] }
        outageEndsAt = nil
        return [.cancelOutageEnd]
    }

    /// The outage window ran out before media came back.
    mutating func outageExpired(at now: Int64) -> [Action] {
        guard let ends = outageEndsAt, now >= ends else { return [] }
        outageEndsAt = nil
        return [.endViewers]
    }

    /// A DESCRIBE waited too long for the upstream to describe itself.
    mutating func describeTimedOut(at now: Int64) -> [Action] {
        guard describesWaiting else { return [] }
        describesWaiting = false
        let retryAt: Int64 = if case .retrying(let at) = state { at } else { now + 1_000_000_000 }
        return [.refuseDescribes(refusal(retryAt: retryAt, now: now))] + scheduleIdleStopIfUnwanted(at: now)
    }

    /// Nobody has wanted the upstream for the idle delay: close it.
    mutating func idleStopFired(at now: Int64) -> [Action] {
        guard let due = idleStopAt, now >= due else { return [] }
        idleStopAt = nil
        guard !isWanted else { return [] }
        switch state {
        case .idle: return []
        case .retrying:
            state = .idle
            return []
        case .connecting, .up:
            state = .idle
            return [.disconnect]
        }
    }

    /// The camera is going away.
    mutating func end() -> [Action] {
        state = .idle
        watched = false
        describesWaiting = false
        outageEndsAt = nil
        idleStopAt = nil
        return [.disconnect, .refuseDescribes(.upstreamUnavailable(retryAfterSeconds: 1))]
    }

    // MARK: - Rules

    private mutating func connectIfIdle() -> [Action] {
        guard state == .idle else { return [] }
        state = .connecting
        return [.connect]
    }

    private mutating func waitForDescription(at now: Int64) -> [Action] {
        let first = !describesWaiting
        describesWaiting = true
        var actions: [Action] = []
        if idleStopAt != nil {
            idleStopAt = nil
            actions.append(.cancelIdleStop)
        }
        if first { actions.append(.scheduleDescribeTimeout(at: now + configuration.describeTimeoutNanoseconds)) }
        return actions
    }

    private mutating func startOutage(at now: Int64) -> [Action] {
        guard outageEndsAt == nil, watched else { return [] }
        let ends = now + configuration.outageNanoseconds
        outageEndsAt = ends
        return [.scheduleOutageEnd(at: ends)]
    }

    private mutating func scheduleIdleStopIfUnwanted(at now: Int64) -> [Action] {
        guard !isWanted, state != .idle else { return [] }
        let due = now + configuration.idleStopDelayNanoseconds
        idleStopAt = due
        return [.scheduleIdleStop(at: due)]
    }

    private func refusal(retryAt: Int64, now: Int64) -> ProxyRefusal {
        if let unsupportedCodec { return .unsupportedCodec(unsupportedCodec) }
        let seconds = (max(0, retryAt - now) + 999_999_999) / 1_000_000_000
        return .upstreamUnavailable(retryAfterSeconds: Int(max(1, seconds)))
    }
}
