import Cameras
import Faults
import Logging
import NIOCore
import RTSP

/// One client connection's RTSP logic: answers requests in order, one at a time,
/// and owns the sessions it set up. Lives on its channel's event loop, and reaches the
/// rest of the server only through its `ConnectionEnvironment`.
final class RTSPConnection: @unchecked Sendable {
    let channel: any Channel
    let environment: ConnectionEnvironment
    var logger: Logger
    private var queue: [RTSPRequest] = []
    private var busy = false
    private var isClosed = false
    /// When the connection opened, for `reset_connection_after`.
    let connectedAt: Int64
    var resetArmed = false
    /// The control models of URL queries with control faults of their own, by query, so
    /// their response jitter runs on across this connection's requests. Loop-confined.
    var queryControlModels: [String: ControlFaultModel] = [:]
    /// Whether the connection came in on the RTSPS listener: media must then stay
    /// interleaved inside the TLS connection.
    let isTLS: Bool
    /// True once this connection is the GET half of an RTSP-over-HTTP tunnel: its
    /// sessions' transport is `http`. Loop-confined.
    var carriesHTTPTunnel = false
    /// The user this connection's HTTP tunnel GET authenticated as; requests the tunnel
    /// carries without credentials run as them. Loop-confined.
    var tunnelUser: String?

    init(channel: any Channel, environment: ConnectionEnvironment, isTLS: Bool = false) {
        self.channel = channel
        self.environment = environment
        self.isTLS = isTLS
        logger = environment.logger
        connectedAt = environment.clock.nanoseconds()
        logger[metadataKey: "client"] = "\(channel.remoteAddress?.description ?? "?")"
    }

    var eventLoop: any EventLoop { channel.eventLoop }

    /// The sessions this connection set up.
    var ownedSessions: [RTSPServerSession] { environment.sessions.all.filter { $0.ownerConnection == id } }
    var clock: any MonotonicClock { environment.clock }
    var id: ObjectIdentifier { ObjectIdentifier(self) }

    // MARK: - Input

    /// Sessions one connection may hold; more is abuse, answered 453.
    static let maximumSessionsPerConnection = 64

    /// Requests a client may send ahead of their answers; more is abuse and closes the connection.
    static let maximumPipelinedRequests = 32

    func receive(_ request: RTSPRequest) {
        guard queue.count < RTSPConnection.maximumPipelinedRequests else {
            logger.warning("too many pipelined requests; closing")
            queue.removeAll()
            channel.close(promise: nil)
            return
        }
        queue.append(request)
        processNext()
    }

    func receiveInterleaved(channel number: UInt8, payload: [UInt8]) {
        // Odd channels carry RTCP from the client (RFC 2326 §10.12); a receiver report keeps the session alive.
        for session in ownedSessions {
            for binding in session.bindings {
                if case .interleaved(_, let rtcp) = binding.transport, rtcp == number {
                    session.noteReceiverReport(payload, track: binding.index)
                }
            }
        }
    }

    func receiveMalformed(_ error: RTSPParseError, cSeq: String?) {
        logger.debug("malformed request: \(error)")
        write(RTSPResponse(status: error.status), echoing: cSeq)
        if !error.isRecoverable {
            channel.close(promise: nil)
        }
    }

    /// The connection is gone: its sessions end with it.
    func closed() {
        isClosed = true
        queue.removeAll()
        for session in ownedSessions {
            session.end(reason: "connection closed")
        }
    }

    // MARK: - Answering in order

    private func processNext() {
        guard !busy, !isClosed, !queue.isEmpty else { return }
        busy = true
        let request = queue.removeFirst()
        respond(to: request).whenComplete { result in
            var response: RTSPResponse
            switch result {
            case .success(let answer): response = answer
            case .failure(is DroppedWithoutAnswer):
                return
            case .failure(let error):
                self.logger.error("\(request.method) failed: \(error)")
                response = RTSPResponse(status: .internalServerError)
            }
            self.finish(response, for: request)
            self.busy = false
            self.processNext()
        }
    }

    private func finish(_ response: RTSPResponse, for request: RTSPRequest) {
        logger.debug("\(request.method) \(request.redactedURI) -> \(response.status.code)")
        environment.activity.countRequest(request.method, status: response.status.code)
        write(response, echoing: request.headers[CSeq.headerName])
    }

    /// Writes `response` with the request's CSeq, when it had a valid one (RFC 2326
    /// §12.17), and the Server header.
    private func write(_ response: RTSPResponse, echoing cSeq: String?) {
        var response = response
        if let cSeq, let number = try? CSeq.parse(cSeq) {
            response.headers.set(CSeq.headerName, String(number))
        }
        response.headers.set("Server", CamsimServer.productToken)
        write(response)
    }

    func write(_ response: RTSPResponse) {
        guard channel.isActive else { return }
        var buffer = channel.allocator.buffer(capacity: 256)
        buffer.writeBytes(response.serialize())
        channel.writeAndFlush(buffer, promise: nil)
    }

    // MARK: - Dispatch

    private func respond(to request: RTSPRequest) -> EventLoopFuture<RTSPResponse> {
        let status: RTSPStatus? = {
            guard request.version.isRTSP, request.version.major == 1, request.version.minor == 0 else {
                return .rtspVersionNotSupported
            }
            guard let cseq = request.headers[CSeq.headerName], (try? CSeq.parse(cseq)) != nil else {
                return .badRequest
            }
            return nil
        }()
        if let status { return eventLoop.makeSucceededFuture(RTSPResponse(status: status)) }
        if let refusal = headerRefusal(request) { return eventLoop.makeSucceededFuture(refusal) }
        var context = makeContext(for: request)
        switch authorize(context) {
        case .proceed(let user):
            context.user = user
        case .answer(let response, let delay):
            guard delay > 0 else { return eventLoop.makeSucceededFuture(response) }
            return eventLoop.scheduleTask(in: .nanoseconds(delay)) { response }.futureResult
        }
        return underControlFaults(context) { dispatch(context) }
    }

    private func dispatch(_ context: RTSPRequestContext) -> EventLoopFuture<RTSPResponse> {
        switch context.request.method {
        case .options: return eventLoop.makeSucceededFuture(options(context))
        case .describe: return describe(context)
        case .setup: return eventLoop.makeSucceededFuture(setup(context))
        case .play: return play(context)
        case .pause: return eventLoop.makeSucceededFuture(pause(context))
        case .teardown: return eventLoop.makeSucceededFuture(teardown(context))
        case .getParameter, .setParameter: return parameter(context)
        case .announce, .record, .redirect:
            var response = RTSPResponse(status: .methodNotAllowed)
            response.headers.add("Allow", RTSPConnection.supportedMethods)
            return eventLoop.makeSucceededFuture(response)
        default:
            return eventLoop.makeSucceededFuture(RTSPResponse(status: .notImplemented))
        }
    }

    static let supportedMethods = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER"
}
