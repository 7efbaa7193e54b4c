import Logging
import NIOCore
import RTSP

/// The thin NIO adapter: bytes in, parser events to the connection's logic.
///
/// A connection whose first bytes are an HTTP `GET` or `POST` with an
/// `x-sessioncookie` is half of an RTSP-over-HTTP tunnel: the GET half carries the
/// server's answers and interleaved RTP out; the POST half carries base64 RTSP in,
/// decoded here and handed to the GET half's connection. What the client sends on the
/// GET half is read as on a plain RTSP connection: live555 (VLC's RTSP stack) sends its
/// RTCP receiver reports there as `$` frames, and they keep its session alive.
///
/// The handler also closes a connection that is silent too long (`ConnectionActivity`):
/// one that stalls mid-request gets 408 Request Timeout and is closed; one with no
/// session and no request for the idle timeout is closed.
final class RTSPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Mode {
        /// Not yet known whether this is RTSP or half of a tunnel.
        case undecided([UInt8])
        case rtsp
        /// The GET half: it answers, and reads what the client sends on it as RTSP.
        case tunnelOutput(cookie: String)
        /// The POST half: base64 in, requests to `target`.
        case tunnelInput(cookie: String, target: RTSPConnection, decoder: Base64StreamDecoder)
        /// A POST that overtook its GET (they arrive on different event loops): its
        /// bytes wait until the GET half registers, for a short while. `user` is the
        /// user the POST's own credentials named, nil when it carried none.
        case awaitingTunnel(cookie: String, pending: [UInt8], attempts: Int, user: String?)
        /// A tunnel half refused by authentication: its HTTP reply is on its way and the
        /// connection closes after it; what else the client sends is dropped.
        case refused
    }

    /// How long a POST waits for its GET half: attempts × interval.
    static let tunnelWaitAttempts = 100
    static let tunnelWaitInterval = TimeAmount.milliseconds(20)

    private var mode = Mode.undecided([])
    private var parser = RTSPMessageParser()
    private let connection: RTSPConnection
    var activity: ConnectionActivity
    var scheduledCheck: (at: Int64, task: Scheduled<Void>)?

    init(connection: RTSPConnection) {
        self.connection = connection
        let environment = connection.environment
        activity = ConnectionActivity(timeouts: environment.settings.timeouts, now: environment.clock.nanoseconds())
    }

    /// The server's parts the connection was given.
    var environment: ConnectionEnvironment { connection.environment }

    func channelActive(context: ChannelHandlerContext) {
        scheduleCheck(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        switch mode {
        case .undecided(var pending):
            pending.append(contentsOf: buffer.readableBytesView)
            decide(pending, context: context)
        case .rtsp, .tunnelOutput:
            parse(buffer.readableBytesView, deliverTo: connection, context: context)
        case .awaitingTunnel(let cookie, var pending, let attempts, let user):
            pending.append(contentsOf: buffer.readableBytesView)
            mode = .awaitingTunnel(cookie: cookie, pending: pending, attempts: attempts, user: user)
        case .refused:
            break
        case .tunnelInput(let cookie, let target, var decoder):
            let decoded = decoder.decode(buffer.readableBytesView)
            mode = .tunnelInput(cookie: cookie, target: target, decoder: decoder)
            forward(decoded, to: target, context: context, invalid: decoder.isInvalid)
        }
    }

    private func decide(_ pending: [UInt8], context: ChannelHandlerContext) {
        switch HTTPTunnelHandshake.parse(pending) {
        case .notATunnel:
            mode = .rtsp
            parse(pending, deliverTo: connection, context: context)
        case .needMore:
            mode = .undecided(pending)
            noteInput(completed: 0, midMessage: true, context: context)
        case .invalid(let reason):
            refuseTunnel(reason, context: context)
        case .handshake(let handshake, let consumed):
            let tunnels = connection.environment.tunnels
            switch handshake.method {
            case .get:
                let user: String?
                switch connection.authorizeTunnel(handshake) {
                case .proceed(let authenticated): user = authenticated
                case .refuse(let reply, let delay): return refuseTunnelHalf(reply, delay: delay, context: context)
                }
                guard tunnels.open(cookie: handshake.sessionCookie, output: connection, user: user) else {
                    return refuseTunnel("x-sessioncookie already in use", context: context)
                }
                mode = .tunnelOutput(cookie: handshake.sessionCookie)
                connection.carriesHTTPTunnel = true
                noteInput(completed: 1, midMessage: false, context: context)
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: HTTPTunnelHandshake.getReply())), promise: nil)
            case .post:
                // A POST without credentials inherits the GET's user when it joins; one
                // with credentials is held to them, as a camera checks every HTTP request.
                var user: String?
                if handshake.headers["Authorization"] != nil {
                    switch connection.authorizeTunnel(handshake) {
                    case .proceed(let authenticated): user = authenticated
                    case .refuse(let reply, let delay): return refuseTunnelHalf(reply, delay: delay, context: context)
                    }
                }
                mode = .awaitingTunnel(
                    cookie: handshake.sessionCookie, pending: Array(pending[consumed...]), attempts: 0, user: user)
                noteInput(completed: 1, midMessage: false, context: context)
                joinTunnel(context: context)
            }
        }
    }

    /// Ties a POST half to its GET half, retrying briefly when the GET is not there yet.
    private func joinTunnel(context: ChannelHandlerContext) {
        guard case .awaitingTunnel(let cookie, let pending, let attempts, let user) = mode, context.channel.isActive else {
            return
        }
        guard let (target, tunnelUser) = connection.environment.tunnels.output(cookie: cookie) else {
            guard attempts < Self.tunnelWaitAttempts else {
                return refuseTunnel("no GET half with this x-sessioncookie", context: context)
            }
            mode = .awaitingTunnel(cookie: cookie, pending: pending, attempts: attempts + 1, user: user)
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: Self.tunnelWaitInterval) {
                let (handler, context) = loopBound.value
                handler.joinTunnel(context: context)
            }
            return
        }
        // Both halves come in on the same listener: a plain POST cannot drive an RTSPS tunnel.
        guard target.isTLS == connection.isTLS else {
            return refuseTunnel("the GET half with this x-sessioncookie came in on the other listener", context: context)
        }
        // Credentials on the POST name the tunnel's user or nobody may use it: good
        // credentials of another account do not drive someone else's tunnel.
        if let user, user != tunnelUser {
            connection.logger.debug("HTTP tunnel POST refused: its credentials name another user than its GET")
            return refuseTunnelHalf(RTSPConnection.forbiddenReply, delay: 0, context: context)
        }
        environment.tunnels.attachInput(cookie: cookie)
        var decoder = Base64StreamDecoder()
        let decoded = decoder.decode(pending)
        mode = .tunnelInput(cookie: cookie, target: target, decoder: decoder)
        forward(decoded, to: target, context: context, invalid: decoder.isInvalid)
    }

    /// Runs RTSP parser events against this connection.
    private func parse(_ bytes: some Collection<UInt8>, deliverTo target: RTSPConnection, context: ChannelHandlerContext) {
        parser.append(bytes)
        var completed = 0
        while let event = parser.next() {
            completed += 1
            Self.deliver(event, cSeq: parser.malformedCSeq, to: target)
            if case .malformed(let error) = event, !error.isRecoverable { break }
        }
        noteInput(completed: completed, midMessage: !parser.isBetweenMessages, context: context)
    }

    /// Hands one parser event to a connection's logic.
    private static func deliver(_ event: RTSPParseEvent, cSeq: String?, to target: RTSPConnection) {
        switch event {
        case .request(let request): target.receive(request)
        case .interleaved(let channel, let payload): target.receiveInterleaved(channel: channel, payload: payload)
        case .malformed(let error): target.receiveMalformed(error, cSeq: cSeq)
        }
    }

    /// Hands decoded tunnel bytes to the GET half, on its event loop.
    private func forward(_ decoded: [UInt8], to target: RTSPConnection, context: ChannelHandlerContext, invalid: Bool) {
        if invalid {
            context.close(promise: nil)
            return
        }
        guard !decoded.isEmpty else { return }
        var events: [(RTSPParseEvent, String?)] = []
        parser.append(decoded)
        while let event = parser.next() { events.append((event, parser.malformedCSeq)) }
        noteInput(completed: events.count, midMessage: !parser.isBetweenMessages, context: context)
        let delivered = events
        target.eventLoop.execute {
            for (event, cSeq) in delivered { Self.deliver(event, cSeq: cSeq, to: target) }
        }
        if parser.hasFailed { context.close(promise: nil) }
    }

    /// Whether the connection is in use by a session: its own, or for a POST half its
    /// tunnel's; a GET half with a POST attached counts as in use too.
    var holdsSession: Bool {
        switch mode {
        case .undecided, .awaitingTunnel, .rtsp, .refused:
            return environment.sessions.hasSessions(owner: connection.id)
        case .tunnelOutput(let cookie):
            return environment.sessions.hasSessions(owner: connection.id) || environment.tunnels.hasInput(cookie: cookie)
        case .tunnelInput(_, let target, _):
            return environment.sessions.hasSessions(owner: target.id)
        }
    }

    /// Answers 408 Request Timeout (RFC 2326 §7.1.1) where the client reads answers:
    /// on this connection, or for a POST half on its GET half.
    func answerRequestTimeout() {
        var response = RTSPResponse(status: .requestTimeout)
        response.headers.set("Server", CamsimServer.productToken)
        response.headers.set("Connection", "close")
        let answer = response
        switch mode {
        case .tunnelInput(_, let target, _):
            target.eventLoop.execute { target.write(answer) }
        case .undecided, .awaitingTunnel, .rtsp, .tunnelOutput, .refused:
            connection.write(answer)
        }
    }

    var logger: Logger { connection.logger }

    /// Answers an unauthenticated tunnel half with its HTTP 401 (or 403), after the
    /// failure backoff's delay, and closes: the client retries on a new connection.
    private func refuseTunnelHalf(_ reply: [UInt8], delay: Int64, context: ChannelHandlerContext) {
        mode = .refused
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: .nanoseconds(delay)) {
            let (handler, context) = loopBound.value
            guard context.channel.isActive else { return }
            context.writeAndFlush(handler.wrapOutboundOut(ByteBuffer(bytes: reply)), promise: nil)
            context.close(promise: nil)
        }
    }

    private func refuseTunnel(_ reason: String, context: ChannelHandlerContext) {
        connection.logger.debug("HTTP tunnel refused: \(reason)")
        let reply = "HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: \(reason.utf8.count + 2)\r\n\r\n\(reason)\r\n"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelCheck()
        if case .tunnelOutput(let cookie) = mode {
            connection.environment.tunnels.close(cookie: cookie)
        }
        if case .tunnelInput(let cookie, _, _) = mode {
            environment.tunnels.detachInput(cookie: cookie)
        }
        connection.closed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
