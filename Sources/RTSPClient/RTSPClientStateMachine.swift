import RTSP

/// The RTSP client session as a state machine (RFC 2326 §10, §A.1): OPTIONS, DESCRIBE, SETUP
/// for each chosen track, PLAY, keepalives at half the session timeout, TEARDOWN. It follows
/// 301/302 redirects (a bounded number), answers one 401 per request with Basic or Digest,
/// resolves control URLs (§C.1.1) and turns an error status into an `RTSPClientError`
/// naming the request. It does no I/O: the driver feeds it responses and the time, and
/// carries out the actions it returns. Time is a `Duration` from any fixed origin.
///
/// Requests carry credentials in their Authorization header: a driver must not log it.
public struct RTSPClientStateMachine: Sendable {
    public let configuration: RTSPClientConfiguration
    /// The URL being described: the configured one, or the last redirect's.
    public internal(set) var url: ClientURL
    /// The DESCRIBE answer, once read.
    public internal(set) var description: RTSPClientDescription?
    /// Indices into `description.tracks` being set up, in order.
    public internal(set) var selectedTracks: [Int] = []
    /// The session once SETUP answered.
    public internal(set) var session: SessionHeader?
    /// Methods the server's OPTIONS answer listed in Public (upper-cased).
    public internal(set) var publicMethods: Set<String> = []
    public internal(set) var phase: Phase = .idle

    /// Where the session is.
    public enum Phase: Hashable, Sendable {
        /// Waiting for `connected(now:)`.
        case idle
        /// OPTIONS and DESCRIBE.
        case describing
        /// Waiting for `setUp`.
        case described
        case settingUp
        case playing
        case tearingDown
        case closed
    }

    enum Purpose: Hashable, Sendable {
        case options, describe, setup(position: Int), play, keepalive, teardown
    }

    struct Outstanding: Sendable {
        var request: RTSPRequest
        var purpose: Purpose
        var sentAt: Duration
        var authRetried: Bool
    }

    let makeCnonce: @Sendable () -> String
    var authorization: ClientAuthorization?
    var cSeq = 0
    var outstanding: [Int: Outstanding] = [:]
    var redirects = 0
    var clientPorts: [RTSPClientPortPair] = []
    var transports: [RTSPClientTrackTransport] = []
    var sessionTimeout: Duration
    var lastKeepalive: Duration = .zero

    /// A state machine for `configuration`; throws when its URL is not an rtsp:// URL.
    /// `cnonce` makes Digest client nonces (inject a fixed one in tests).
    public init(
        configuration: RTSPClientConfiguration,
        cnonce: @escaping @Sendable () -> String = RTSPClientStateMachine.randomCnonce
    ) throws(RTSPClientError) {
        guard let url = ClientURL(configuration.url) else { throw .invalidURL(configuration.url) }
        self.configuration = configuration
        self.url = url
        self.makeCnonce = cnonce
        self.sessionTimeout = configuration.defaultSessionTimeout
        self.authorization = Self.credentials(configuration: configuration, url: url)
    }

    /// 16 random hex digits.
    public static func randomCnonce() -> String {
        let value = UInt64.random(in: .min ... .max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func credentials(configuration: RTSPClientConfiguration, url: ClientURL) -> ClientAuthorization? {
        guard let user = configuration.username ?? url.user else { return nil }
        return ClientAuthorization(username: user, password: configuration.password ?? url.password ?? "")
    }

    /// Half the session timeout (RFC 2326 §12.37), at least one second.
    public var keepaliveInterval: Duration { max(sessionTimeout / 2, .seconds(1)) }

    /// GET_PARAMETER when the server's Public lists it, else OPTIONS.
    public var keepaliveMethod: RTSPMethod {
        publicMethods.contains(RTSPMethod.getParameter.name) ? .getParameter : .options
    }

    /// The next time `tick(now:)` has something to do, or nil.
    public var nextDeadline: Duration? {
        var deadlines = outstanding.values.map { $0.sentAt + configuration.responseTimeout }
        if phase == .playing, !outstanding.values.contains(where: { $0.purpose == .keepalive }) {
            deadlines.append(lastKeepalive + keepaliveInterval)
        }
        return deadlines.min()
    }

    // MARK: - Inputs

    /// The control connection is open (first, or after `.reconnect`): starts with OPTIONS.
    public mutating func connected(now: Duration) -> [RTSPClientAction] {
        guard phase == .idle else { return [] }
        phase = .describing
        return [send(.options, uri: url.requestURI, purpose: .options, now: now)]
    }

    /// After `.described`, over UDP: one client port pair per selected track, in order.
    public mutating func setUp(clientPorts: [RTSPClientPortPair], now: Duration) -> [RTSPClientAction] {
        guard phase == .described else { return [] }
        guard configuration.transport != .udp || clientPorts.count == selectedTracks.count else {
            return finish(.invalidResponse(method: .setup, reason: "\(clientPorts.count) port pairs for \(selectedTracks.count) tracks"))
        }
        self.clientPorts = clientPorts
        phase = .settingUp
        return [sendSetup(position: 0, now: now)]
    }

    /// After `.described`, over TCP or the HTTP tunnel.
    public mutating func setUp(now: Duration) -> [RTSPClientAction] {
        setUp(clientPorts: [], now: now)
    }

    /// Ends the session: TEARDOWN when one exists, else closes at once.
    public mutating func tearDown(now: Duration) -> [RTSPClientAction] {
        switch phase {
        case .closed, .tearingDown:
            return []
        case .settingUp, .playing:
            guard session != nil else { return finish(nil) }
            phase = .tearingDown
            let target = description?.aggregateURL.requestURI ?? url.requestURI
            return [send(.teardown, uri: target, purpose: .teardown, now: now)]
        default:
            return finish(nil)
        }
    }

    /// The control connection closed or failed.
    public mutating func connectionClosed(reason: String) -> [RTSPClientAction] {
        switch phase {
        case .closed: return []
        case .tearingDown: return finish(nil)
        default: return finish(.connectionClosed(reason: reason))
        }
    }

    /// A malformed message from the server; a fatal one ends the session.
    public mutating func malformed(_ error: RTSPParseError) -> [RTSPClientAction] {
        error.isRecoverable ? [] : finish(.malformedStream(error))
    }

    /// Time passed: response timeouts and keepalives.
    public mutating func tick(now: Duration) -> [RTSPClientAction] {
        guard phase != .closed else { return [] }
        if let late = outstanding.values.first(where: { now - $0.sentAt >= configuration.responseTimeout }) {
            if late.purpose == .teardown { return finish(nil) }
            return finish(.responseTimeout(method: late.request.method, url: late.request.uri))
        }
        guard phase == .playing, now - lastKeepalive >= keepaliveInterval,
              !outstanding.values.contains(where: { $0.purpose == .keepalive })
        else { return [] }
        lastKeepalive = now
        let target = description?.aggregateURL.requestURI ?? url.requestURI
        return [send(keepaliveMethod, uri: target, purpose: .keepalive, now: now)]
    }

    // MARK: - Requests

    mutating func send(
        _ method: RTSPMethod, uri: String, purpose: Purpose, now: Duration, authRetried: Bool = false
    ) -> RTSPClientAction {
        cSeq += 1
        var request = RTSPRequest(method: method, uri: uri)
        request.headers.add(CSeq.headerName, String(cSeq))
        if let header = authorization?.header(method: method, uri: uri, cnonce: makeCnonce) {
            request.headers.add("Authorization", header)
        }
        request.headers.add("User-Agent", configuration.userAgent)
        if let session, method != .options || purpose == .keepalive {
            request.headers.add(SessionHeader.headerName, session.id)
        }
        switch purpose {
        case .describe:
            request.headers.add("Accept", "application/sdp")
        case .setup(let position):
            request.headers.add("Transport", transportOffer(position: position).serialized)
        case .play:
            request.headers.add("Range", "npt=0.000-")
        default:
            break
        }
        outstanding[cSeq] = Outstanding(request: request, purpose: purpose, sentAt: now, authRetried: authRetried)
        return .send(request)
    }

    /// `RTP/AVP;unicast;client_port=a-b` or `RTP/AVP/TCP;unicast;interleaved=2n-2n+1` (RFC 2326 §12.39).
    func transportOffer(position: Int) -> TransportSpec {
        switch configuration.transport {
        case .udp:
            let ports = clientPorts[position]
            return TransportSpec(
                lowerTransport: .udp, delivery: .unicast, clientPort: PortRange(start: ports.rtp, end: ports.rtcp))
        case .tcp, .http:
            let channel = UInt8(truncatingIfNeeded: 2 * position)
            return TransportSpec(
                lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: channel, end: channel + 1))
        }
    }

    mutating func sendSetup(position: Int, now: Duration) -> RTSPClientAction {
        let track = description!.tracks[selectedTracks[position]]
        return send(.setup, uri: track.url.requestURI, purpose: .setup(position: position), now: now)
    }

    mutating func finish(_ error: RTSPClientError?) -> [RTSPClientAction] {
        guard phase != .closed else { return [] }
        phase = .closed
        outstanding = [:]
        return [.close(error)]
    }
}
