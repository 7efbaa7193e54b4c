import NIOCore
import RTSP

extension RTSPConnection {
    struct PlayTimedOut: Error {}

    /// PLAY (RFC 2326 §10.5). The answer waits for the viewer's first access unit (an
    /// IDR requested for it), so RTP-Info carries the seq and rtptime of the first
    /// packet actually sent, and over TCP the reply precedes that packet.
    func play(_ request: RTSPRequest) -> EventLoopFuture<RTSPResponse> {
        do throws(Refusal) {
            let session = try requiredSession(request)
            let mount = try self.mount(for: request)
            guard mount.stream === session.stream else { throw Refusal(.aggregateOperationNotAllowed) }
            let action: RTSPSessionAction
            switch session.handle(.play) {
            case .success(let result): action = result
            case .failure(let status): throw Refusal(status)
            }
            guard let viewer = session.viewer else { throw Refusal(.methodNotValidInThisState) }
            var reply = answer(.ok)
            reply.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
            reply.headers.add(RangeHeader.headerName, RangeHeader.live.serialized)
            if action == .alreadyPlaying { return eventLoop.makeSucceededFuture(reply) }
            let response = reply

            let trackURL = mount.isTrack ? request.uri : RTSPConnection.dropTrailingSlash(request.uri) + "/trackID=0"
            let promise = eventLoop.makePromise(of: RTSPResponse.self)
            let loop = eventLoop
            let latch = ReplyLatch(promise)
            let complete: @Sendable (Result<RTSPResponse, any Error>) -> Void = { latch.complete($0) }
            viewer.rearm(onStart: { sequenceNumber, rtpTime in
                var started = response
                let info = RTPInfoEntry(url: trackURL, sequenceNumber: sequenceNumber, rtpTime: rtpTime)
                started.headers.add("RTP-Info", info.serialized)
                // Same loop (TCP): answer inline so the reply goes out before the first packet.
                if loop.inEventLoop { complete(.success(started)) } else { loop.execute { complete(.success(started)) } }
            })
            session.stream.play(viewer, keyframeOnJoin: session.keyframeOnJoin)
            loop.scheduleTask(in: .seconds(10)) { complete(.failure(PlayTimedOut())) }
            return promise.futureResult
        } catch {
            return eventLoop.makeSucceededFuture(answer(error))
        }
    }

    /// PAUSE (RFC 2326 §10.6): the session stays, packets stop.
    func pause(_ request: RTSPRequest) -> RTSPResponse {
        do throws(Refusal) {
            let session = try requiredSession(request)
            if case .failure(let status) = session.handle(.pause) { throw Refusal(status) }
            if let viewer = session.viewer { session.stream.stop(viewer) }
            var response = answer(.ok)
            response.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
            return response
        } catch {
            return answer(error)
        }
    }

    /// TEARDOWN (RFC 2326 §10.7): RTCP BYE, then the session is gone.
    func teardown(_ request: RTSPRequest) -> RTSPResponse {
        do throws(Refusal) {
            let session = try requiredSession(request)
            session.end(reason: "teardown")
            return answer(.ok)
        } catch {
            return answer(error)
        }
    }

    /// GET_PARAMETER and SET_PARAMETER (RFC 2326 §10.8, §10.9). An empty one is the
    /// keep-alive clients send. SET_PARAMETER `name: value` lines change the session's
    /// faults (the URL query names); GET_PARAMETER `fault_counters` reads what they did.
    /// Other parameters get 451.
    func parameter(_ request: RTSPRequest) -> EventLoopFuture<RTSPResponse> {
        do throws(Refusal) {
            let session = try namedSession(request)
            let lines = String(decoding: request.body, as: UTF8.self)
                .split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: " \t") }
                .filter { !$0.isEmpty }
            var response = answer(.ok)
            if let session { response.headers.add(SessionHeader.headerName, sessionHeaderValue(session)) }
            guard !lines.isEmpty else { return eventLoop.makeSucceededFuture(response) }
            guard let session else {
                throw Refusal(.parameterNotUnderstood, reason: "parameters need a session (Session header)")
            }
            if request.method == .setParameter {
                try applyFaultParameters(lines, to: session)
                return eventLoop.makeSucceededFuture(response)
            }
            guard lines == ["fault_counters"], let viewer = session.viewer else {
                throw Refusal(.parameterNotUnderstood, reason: "camsim answers GET_PARAMETER for: fault_counters")
            }
            let promise = eventLoop.makePromise(of: RTSPResponse.self)
            let base = response
            viewer.onLoop {
                var answer = base
                answer.headers.add("Content-Type", "text/parameters")
                answer.body = Array("fault_counters: \(viewer.faults.countersDescription)\r\n".utf8)
                promise.succeed(answer)
            }
            return promise.futureResult
        } catch {
            return eventLoop.makeSucceededFuture(answer(error))
        }
    }

    /// Completes a PLAY reply once: with the start of the stream, or with a timeout.
    final class ReplyLatch: @unchecked Sendable {
        private let promise: EventLoopPromise<RTSPResponse>
        private var done = false

        init(_ promise: EventLoopPromise<RTSPResponse>) { self.promise = promise }

        func complete(_ result: Result<RTSPResponse, any Error>) {
            promise.futureResult.eventLoop.preconditionInEventLoop()
            guard !done else { return }
            done = true
            promise.completeWith(result)
        }
    }

    static func dropTrailingSlash(_ uri: String) -> String {
        var uri = Substring(uri)
        while uri.hasSuffix("/") { uri = uri.dropLast() }
        return String(uri)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
