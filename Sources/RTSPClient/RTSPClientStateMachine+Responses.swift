import RTSP

extension RTSPClientStateMachine {
    /// A response from the server, matched to its request by CSeq (RFC 2326 §12.17); one
    /// without CSeq answers the only request waiting, if there is one.
    public mutating func receive(_ response: RTSPResponse, now: Duration) -> [RTSPClientAction] {
        guard phase != .closed else { return [] }
        let key: Int? = response.headers[CSeq.headerName].flatMap { Int($0.trimmingSpaces()) }
            ?? (outstanding.count == 1 ? outstanding.keys.first : nil)
        guard let key, let request = takeOutstanding(key) else { return [] }
        let code = response.status.code
        if code == 401 { return retryAuthorized(request, response: response, now: now) }
        if [301, 302, 303, 307].contains(code), request.purpose == .options || request.purpose == .describe {
            return redirect(request, response: response)
        }
        switch request.purpose {
        case .options:
            // An OPTIONS failure is not fatal: some cameras answer it badly yet serve DESCRIBE.
            if (200..<300).contains(code) { readPublic(response) }
            return [send(.describe, uri: url.requestURI, purpose: .describe, now: now)]
        case .describe:
            guard (200..<300).contains(code) else { return fail(request, status: response.status) }
            return described(request, response: response)
        case .setup(let position):
            guard (200..<300).contains(code) else { return fail(request, status: response.status) }
            return setUpAnswered(position: position, response: response, now: now)
        case .play:
            guard (200..<300).contains(code) else { return fail(request, status: response.status) }
            return playAnswered(response, now: now)
        case .keepalive:
            if code == RTSPStatus.sessionNotFound.code {
                return finish(.sessionExpired(url: request.request.uri))
            }
            if code == 405 || code == 501, request.request.method == .getParameter {
                publicMethods.remove(RTSPMethod.getParameter.name)
            }
            return []
        case .teardown:
            return finish(nil)
        }
    }

    private mutating func takeOutstanding(_ key: Int) -> Outstanding? {
        outstanding.removeValue(forKey: key)
    }

    private mutating func fail(_ request: Outstanding, status: RTSPStatus) -> [RTSPClientAction] {
        finish(.status(method: request.request.method, url: request.request.uri, status: status))
    }

    /// 401: adopt the challenge and send the request again, once (RFC 2326 §16 via RFC 2617).
    private mutating func retryAuthorized(
        _ request: Outstanding, response: RTSPResponse, now: Duration
    ) -> [RTSPClientAction] {
        let method = request.request.method
        guard !request.authRetried, var credentials = authorization else {
            if request.purpose == .teardown { return finish(nil) }
            return finish(.unauthorized(method: method, url: request.request.uri))
        }
        let challenges = response.headers.values("WWW-Authenticate")
        guard credentials.adopt(challenges: challenges) else {
            return finish(.unsupportedAuthentication(method: method, challenges: challenges))
        }
        authorization = credentials
        return [send(method, uri: request.request.uri, purpose: request.purpose, now: now, authRetried: true)]
    }

    /// 301/302: start over at Location, on a new connection (RFC 2326 §11.3.2, §11.3.3).
    private mutating func redirect(_ request: Outstanding, response: RTSPResponse) -> [RTSPClientAction] {
        let location = response.headers["Location"]
        guard let location, let target = url.resolving(location, asDirectory: false) else {
            return finish(.invalidRedirect(method: request.request.method, location: location))
        }
        redirects += 1
        guard redirects <= configuration.maximumRedirects else {
            return finish(.tooManyRedirects(limit: configuration.maximumRedirects))
        }
        // Credentials carry over to the new server, but not the old server's challenge.
        if let user = configuration.username ?? target.user {
            authorization = ClientAuthorization(username: user, password: configuration.password ?? target.password ?? "")
        } else if let current = authorization {
            authorization = ClientAuthorization(username: current.username, password: current.password)
        }
        url = target
        url.user = nil
        url.password = nil
        outstanding = [:]
        publicMethods = []
        phase = .idle
        return [.reconnect(to: url)]
    }

    /// `Public: OPTIONS, DESCRIBE, …` (RFC 2326 §12.28).
    private mutating func readPublic(_ response: RTSPResponse) {
        for value in response.headers.values("Public") {
            for method in value.split(separator: ",") {
                publicMethods.insert(method.trimmingSpaces().uppercased())
            }
        }
    }

    private mutating func described(_ request: Outstanding, response: RTSPResponse) -> [RTSPClientAction] {
        let requestURL = ClientURL(request.request.uri) ?? url
        let base = ClientURL.base(
            contentBase: response.headers["Content-Base"], contentLocation: response.headers["Content-Location"],
            requestURL: requestURL)
        let sdp = String(decoding: response.body, as: UTF8.self)
        guard let description = RTSPClientDescription.parse(sdp: sdp, base: base) else {
            return finish(.invalidResponse(method: .describe, reason: "the answer holds no SDP with a media section"))
        }
        let wanted = configuration.tracks
        let selected = description.tracks.indices.filter { index in
            wanted.map { $0.contains(description.tracks[index].mediaIndex) } ?? true
        }
        guard !selected.isEmpty else { return finish(.noTracks(url: request.request.uri)) }
        self.description = description
        selectedTracks = selected
        phase = .described
        return [.described(description, selectedTracks: selected)]
    }

    private mutating func setUpAnswered(position: Int, response: RTSPResponse, now: Duration) -> [RTSPClientAction] {
        if let value = response.headers[SessionHeader.headerName] {
            let parsed = SessionHeader(parsing: value) ?? Self.lenientSession(value)
            guard let parsed else {
                return finish(.invalidResponse(method: .setup, reason: "unreadable Session header '\(value)'"))
            }
            if session == nil { session = parsed }
            if let timeout = parsed.timeout, timeout > 0 { sessionTimeout = .seconds(timeout) }
        }
        guard session != nil else {
            return finish(.invalidResponse(method: .setup, reason: "no Session header"))
        }
        guard let text = response.headers["Transport"], let header = TransportHeader(parsing: text),
              let spec = header.specs.first
        else {
            return finish(.invalidResponse(method: .setup, reason: "no readable Transport header"))
        }
        var transport = RTSPClientTrackTransport(track: selectedTracks[position], transport: spec, ssrc: spec.ssrc)
        switch configuration.transport {
        case .udp:
            transport.clientPorts = clientPorts[position]
            if let server = spec.serverPort {
                transport.serverPorts = RTSPClientPortPair(rtp: server.start, rtcp: server.end ?? server.start &+ 1)
            }
        case .tcp, .http:
            let offered = UInt8(truncatingIfNeeded: 2 * position)
            let channels = spec.interleaved ?? ChannelRange(start: offered, end: offered + 1)
            transport.rtpChannel = channels.start
            transport.rtcpChannel = channels.end ?? channels.start &+ 1
        }
        transports.append(transport)
        if position + 1 < selectedTracks.count { return [sendSetup(position: position + 1, now: now)] }
        let target = description?.aggregateURL.requestURI ?? url.requestURI
        return [send(.play, uri: target, purpose: .play, now: now)]
    }

    /// A Session value SessionHeader refuses (an identifier with other characters): the text
    /// before `;`, when short enough.
    private static func lenientSession(_ value: String) -> SessionHeader? {
        let id = value.split(separator: ";").first.map { String($0).trimmingSpaces() } ?? ""
        guard !id.isEmpty, id.utf8.count <= SessionHeader.maximumIDLength else { return nil }
        return SessionHeader(id: id)
    }

    private mutating func playAnswered(_ response: RTSPResponse, now: Duration) -> [RTSPClientAction] {
        if let text = response.headers["RTP-Info"], let info = RTPInfoHeader(parsing: text), let description {
            for index in transports.indices {
                let track = description.tracks[transports[index].track]
                let entry = info.entries.first { entry in
                    entry.url == track.url.requestURI
                        || description.baseURL.resolving(entry.url)?.requestURI == track.url.requestURI
                        || (info.entries.count == 1 && transports.count == 1)
                }
                transports[index].initialSequenceNumber = entry?.sequenceNumber
                transports[index].initialTimestamp = entry?.rtpTime
            }
        }
        phase = .playing
        lastKeepalive = now
        return [.playing(RTSPClientSession(id: session?.id ?? "", timeout: sessionTimeout, transports: transports))]
    }
}
