import NIOCore
import RTSP

extension RTSPConnection {
    struct PlayTimedOut: Error {}

    /// PLAY (RFC 2326 §10.5). The answer waits for the viewer's first access unit (an
    /// IDR requested for it), so RTP-Info carries the seq and rtptime of the first
    /// packet actually sent, and over TCP the reply precedes that packet.
    func play(_ context: RTSPRequestContext) -> EventLoopFuture<RTSPResponse> {
        let request = context.request
        do throws(Refusal) {
            let session = try context.requireSession()
            let mount = try context.requireMount()
            guard mount.stream === session.stream else { throw Refusal(.aggregateOperationNotAllowed) }
            if let playback = session.playback { return try playRecording(context, session: session, playback: playback) }
            let askedForScale = try checkPlayHeaders(request)
            let action: RTSPSessionAction
            switch session.handle(.play) {
            case .success(let result): action = result
            case .failure(let status): throw Refusal(status)
            }
            let group = session.multicastGroup
            let viewer = session.viewer
            guard viewer != nil || group != nil else { throw Refusal(.methodNotValidInThisState) }
            var reply = answer(.ok)
            reply.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
            reply.headers.add(RangeHeader.headerName, RangeHeader.live.serialized)
            // The answer states the scale used (RFC 2326 §12.34): a live camera plays at 1 only.
            if askedForScale { reply.headers.add(ScaleHeader.headerName, ScaleHeader.normal.serialized) }
            if action == .alreadyPlaying { return eventLoop.makeSucceededFuture(reply) }
            let response = reply

            let trackURL = mount.isTrack ? request.uri : RTSPConnection.dropTrailingSlash(request.uri) + "/trackID=0"
            let promise = eventLoop.makePromise(of: RTSPResponse.self)
            let loop = eventLoop
            let latch = ReplyLatch(promise)
            let complete: @Sendable (Result<RTSPResponse, any Error>) -> Void = { latch.complete($0) }
            if let group {
                // The group's first packet is this session's first when it starts the group
                // or waits for its start; a session joining a group already sending starts
                // mid-stream, and its answer has no RTP-Info.
                group.play(session) { started in
                    let result = started.map { first -> RTSPResponse in
                        guard let first else { return response }
                        var answer = response
                        let info = RTPInfoEntry(url: trackURL, sequenceNumber: first.sequenceNumber, rtpTime: first.rtpTime)
                        answer.headers.add("RTP-Info", info.serialized)
                        return answer
                    }
                    loop.execute { complete(result) }
                }
                loop.scheduleTask(in: .seconds(10)) { complete(.failure(PlayTimedOut())) }
                return promise.futureResult
            }
            guard let viewer else { throw Refusal(.methodNotValidInThisState) }
            viewer.rearm(onStart: { sequenceNumber, rtpTime in
                let info = RTPInfoEntry(url: trackURL, sequenceNumber: sequenceNumber, rtpTime: rtpTime)
                let started = {
                    var started = response
                    started.headers.add("RTP-Info", info.serialized)
                    return started
                }()
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
