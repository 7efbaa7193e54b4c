/// What the server should do after the session state machine accepted a request.
public enum RTSPSessionAction: Hashable, Sendable {
    /// SETUP of a target not set up before; the session is (now) ready.
    case setUp(RTSPControlTarget)
    /// SETUP of a target already set up, while ready or playing: a transport change the
    /// server may accept or refuse.
    case setUpAgain(RTSPControlTarget)
    /// PLAY from ready: start sending.
    case startPlaying
    /// PLAY while already playing (e.g. a new range): keep sending.
    case alreadyPlaying
    /// PAUSE while playing: stop sending, keep the session.
    case pause
    /// TEARDOWN: stop sending and forget the session.
    case teardown
    /// A request that only shows the client is alive (OPTIONS, GET_PARAMETER, ...).
    case keepAlive
}

/// The server side of one RTSP session (RFC 2326 Appendix A.2): init → ready (SETUP) →
/// playing (PLAY) → ready (PAUSE) → closed (TEARDOWN). Time comes from the caller as a
/// `Duration` since any fixed origin, so the machine never reads a clock.
public struct RTSPSessionState: Hashable, Sendable {
    /// The session timeout used unless another is given (RFC 2326 §12.37).
    public static let defaultTimeout = Duration.seconds(60)

    public enum State: Hashable, Sendable {
        case initial
        case ready
        case playing
        case closed
    }

    public private(set) var state: State
    /// Targets set up so far, in order.
    public private(set) var setUpTargets: [RTSPControlTarget]
    /// Inactivity after which the session expires.
    public var timeout: Duration
    /// When the last request or keep-alive was seen.
    public private(set) var lastActivity: Duration

    public init(createdAt now: Duration, timeout: Duration = RTSPSessionState.defaultTimeout) {
        self.state = .initial
        self.setUpTargets = []
        self.timeout = timeout
        self.lastActivity = now
    }

    /// Applies a request for this session. Any request to a live session counts as activity,
    /// rejected ones included. For SETUP, `target` names what is being set up.
    public mutating func handle(
        _ method: RTSPMethod, target: RTSPControlTarget = .aggregate, at now: Duration
    ) -> Result<RTSPSessionAction, RTSPStatus> {
        guard state != .closed else { return .failure(.sessionNotFound) }
        noteActivity(at: now)
        switch method {
        case .setup:
            return setUp(target)
        case .play:
            switch state {
            case .ready:
                state = .playing
                return .success(.startPlaying)
            case .playing:
                return .success(.alreadyPlaying)
            case .initial, .closed:
                return .failure(.methodNotValidInThisState)
            }
        case .pause:
            switch state {
            case .playing:
                state = .ready
                return .success(.pause)
            case .initial, .ready, .closed:
                // RFC 2326 Appendix A.2 lists PAUSE only for Playing; elsewhere it is 455.
                return .failure(.methodNotValidInThisState)
            }
        case .teardown:
            state = .closed
            return .success(.teardown)
        case .options, .describe, .getParameter, .setParameter:
            return .success(.keepAlive)
        case .record, .announce, .redirect:
            // A camera only plays: recording and server-to-client redirects do not apply.
            return .failure(.methodNotAllowed)
        case .other:
            return .failure(.notImplemented)
        }
    }

    /// RFC 2326 §10.4: SETUP is valid in init and ready; while playing, only to change the
    /// transport of a target already set up.
    private mutating func setUp(_ target: RTSPControlTarget) -> Result<RTSPSessionAction, RTSPStatus> {
        guard target != .none else { return .failure(.notFound) }
        if setUpTargets.contains(target) { return .success(.setUpAgain(target)) }
        guard state != .playing else { return .failure(.methodNotValidInThisState) }
        setUpTargets.append(target)
        state = .ready
        return .success(.setUp(target))
    }

    /// Records a sign of life that is not a request (RTCP receiver reports, interleaved data).
    public mutating func noteActivity(at now: Duration) {
        if now > lastActivity { lastActivity = now }
    }

    /// True once more than `timeout` has passed since the last activity.
    public func isExpired(at now: Duration) -> Bool {
        now - lastActivity > timeout
    }

    /// The timeout in whole seconds, for `Session: id;timeout=N`.
    public var timeoutSeconds: Int { Int(timeout.components.seconds) }
}

extension RTSPSessionState {
    /// The same machine driven by a monotonic clock in nanoseconds since any fixed origin.
    public init(timeout: Duration = RTSPSessionState.defaultTimeout, now nanoseconds: Int64) {
        self.init(createdAt: .nanoseconds(nanoseconds), timeout: timeout)
    }

    public mutating func handle(
        _ method: RTSPMethod, target: RTSPControlTarget = .aggregate, at nanoseconds: Int64
    ) -> Result<RTSPSessionAction, RTSPStatus> {
        handle(method, target: target, at: .nanoseconds(nanoseconds))
    }

    public mutating func noteActivity(at nanoseconds: Int64) {
        noteActivity(at: .nanoseconds(nanoseconds))
    }

    public func isExpired(at nanoseconds: Int64) -> Bool {
        isExpired(at: .nanoseconds(nanoseconds))
    }
}
