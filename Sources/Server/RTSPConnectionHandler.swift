import NIOCore
import RTSP

/// The thin NIO adapter: bytes in, parser events to the connection's logic.
///
/// A connection whose first bytes are an HTTP `GET` or `POST` with an
/// `x-sessioncookie` is half of an RTSP-over-HTTP tunnel: the GET half carries the
/// server's answers and interleaved RTP out; the POST half carries base64 RTSP in,
/// decoded here and handed to the GET half's connection.
final class RTSPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Mode {
        /// Not yet known whether this is RTSP or half of a tunnel.
        case undecided([UInt8])
        case rtsp
        /// The GET half: it answers; anything the client sends on it is ignored.
        case tunnelOutput(cookie: String)
        /// The POST half: base64 in, requests to `target`.
        case tunnelInput(target: RTSPConnection, decoder: Base64StreamDecoder)
        /// A POST that overtook its GET (they arrive on different event loops): its
        /// bytes wait until the GET half registers, for a short while.
        case awaitingTunnel(cookie: String, pending: [UInt8], attempts: Int)
    }

    /// How long a POST waits for its GET half: attempts × interval.
    static let tunnelWaitAttempts = 100
    static let tunnelWaitInterval = TimeAmount.milliseconds(20)

    private var mode = Mode.undecided([])
    private var parser = RTSPMessageParser()
    private let connection: RTSPConnection

    init(connection: RTSPConnection) { self.connection = connection }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        switch mode {
        case .undecided(var pending):
            pending.append(contentsOf: buffer.readableBytesView)
            decide(pending, context: context)
        case .rtsp:
            parse(buffer.readableBytesView, deliverTo: connection)
        case .tunnelOutput:
            break
        case .awaitingTunnel(let cookie, var pending, let attempts):
            pending.append(contentsOf: buffer.readableBytesView)
            mode = .awaitingTunnel(cookie: cookie, pending: pending, attempts: attempts)
        case .tunnelInput(let target, var decoder):
            let decoded = decoder.decode(buffer.readableBytesView)
            mode = .tunnelInput(target: target, decoder: decoder)
            forward(decoded, to: target, context: context, invalid: decoder.isInvalid)
        }
    }

    private func decide(_ pending: [UInt8], context: ChannelHandlerContext) {
        switch HTTPTunnelHandshake.parse(pending) {
        case .notATunnel:
            mode = .rtsp
            parse(pending, deliverTo: connection)
        case .needMore:
            mode = .undecided(pending)
        case .invalid(let reason):
            refuseTunnel(reason, context: context)
        case .handshake(let handshake, let consumed):
            let tunnels = connection.environment.tunnels
            switch handshake.method {
            case .get:
                guard tunnels.open(cookie: handshake.sessionCookie, output: connection) else {
                    return refuseTunnel("x-sessioncookie already in use", context: context)
                }
                mode = .tunnelOutput(cookie: handshake.sessionCookie)
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: HTTPTunnelHandshake.getReply())), promise: nil)
            case .post:
                mode = .awaitingTunnel(cookie: handshake.sessionCookie, pending: Array(pending[consumed...]), attempts: 0)
                joinTunnel(context: context)
            }
        }
    }

    /// Ties a POST half to its GET half, retrying briefly when the GET is not there yet.
    private func joinTunnel(context: ChannelHandlerContext) {
        guard case .awaitingTunnel(let cookie, let pending, let attempts) = mode, context.channel.isActive else { return }
        guard let target = connection.environment.tunnels.output(cookie: cookie) else {
            guard attempts < Self.tunnelWaitAttempts else {
                return refuseTunnel("no GET half with this x-sessioncookie", context: context)
            }
            mode = .awaitingTunnel(cookie: cookie, pending: pending, attempts: attempts + 1)
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: Self.tunnelWaitInterval) {
                let (handler, context) = loopBound.value
                handler.joinTunnel(context: context)
            }
            return
        }
        var decoder = Base64StreamDecoder()
        let decoded = decoder.decode(pending)
        mode = .tunnelInput(target: target, decoder: decoder)
        forward(decoded, to: target, context: context, invalid: decoder.isInvalid)
    }

    /// Runs RTSP parser events against this connection.
    private func parse(_ bytes: some Collection<UInt8>, deliverTo target: RTSPConnection) {
        parser.append(bytes)
        while let event = parser.next() {
            Self.deliver(event, cSeq: parser.malformedCSeq, to: target)
            if case .malformed(let error) = event, !error.isRecoverable { return }
        }
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
        let delivered = events
        target.eventLoop.execute {
            for (event, cSeq) in delivered { Self.deliver(event, cSeq: cSeq, to: target) }
        }
        if parser.hasFailed { context.close(promise: nil) }
    }

    private func refuseTunnel(_ reason: String, context: ChannelHandlerContext) {
        connection.logger.debug("HTTP tunnel refused: \(reason)")
        let reply = "HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: \(reason.utf8.count + 2)\r\n\r\n\(reason)\r\n"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .tunnelOutput(let cookie) = mode {
            connection.environment.tunnels.close(cookie: cookie)
        }
        connection.closed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
