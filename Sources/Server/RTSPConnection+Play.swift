import NIOCore
import RTSP

extension RTSPConnection {
    struct PlayTimedOut: Error {}

    /// PLAY (RFC 2326 §10.5), aggregate over every track the session SETUP. The answer
    /// waits for each track's first unit (an IDR requested for the video), so RTP-Info
    /// carries, for every track, the seq and rtptime of the first packet actually sent
    /// (RFC 2326 §12.33). With one track, over TCP the reply precedes its first packet.
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
            let bindings = session.bindings
            guard !bindings.isEmpty || group != nil else { throw Refusal(.methodNotValidInThisState) }
            var reply = answer(.ok)
            reply.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
            reply.headers.add(RangeHeader.headerName, RangeHeader.live.serialized)
            // The answer states the scale used (RFC 2326 §12.34): a live camera plays at 1 only.
            if askedForScale { reply.headers.add(ScaleHeader.headerName, ScaleHeader.normal.serialized) }
            if action == .alreadyPlaying { return eventLoop.makeSucceededFuture(reply) }
            let response = reply

            // A backchannel track carries media from the client: no first packet to wait for.
            let sending = bindings.filter { !($0.track is BackchannelTrack) }
            if sending.isEmpty, group == nil { return eventLoop.makeSucceededFuture(response) }
            let trackURL = Self.trackURL(0, request: request, url: context.url, mount: mount)
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
            let entries = RTPInfoCollector(expected: sending.map(\.index))
            for binding in sending {
                let url = Self.trackURL(binding.index, request: request, url: context.url, mount: mount)
                binding.viewer.rearm(onStart: { sequenceNumber, rtpTime in
                    let entry = RTPInfoEntry(url: url, sequenceNumber: sequenceNumber, rtpTime: rtpTime)
                    let add: @Sendable () -> Void = {
                        guard let all = entries.add(entry, track: binding.index) else { return }
                        var started = response
                        started.headers.add("RTP-Info", all.map(\.serialized).joined(separator: ","))
                        complete(.success(started))
                    }
                    // Same loop (TCP): answer inline so the reply goes out before the first packet.
                    if loop.inEventLoop { add() } else { loop.execute(add) }
                })
            }
            // The other tracks start with the video's first frame, on the stream's loop, so
            // the audio does not run ahead while the video's encoder opens; their RTP-Info
            // entries still come before the video's first packet.
            let keyframe = session.keyframeOnJoin
            if let video = sending.first(where: { $0.track.format.mediaType == .video }), sending.count > 1 {
                let others = sending.filter { $0.index != video.index }
                video.viewer.whenStarting {
                    for binding in others { binding.track.play(binding.viewer, keyframeOnJoin: keyframe) }
                }
                video.track.play(video.viewer, keyframeOnJoin: keyframe)
            } else {
                for binding in sending { binding.track.play(binding.viewer, keyframeOnJoin: keyframe) }
            }
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

    /// The control URL of track `index` for RTP-Info: the request URL when it names that
    /// track, else the aggregate URL with `trackID=N` (before the query, as DESCRIBE gave it).
    static func trackURL(_ index: Int, request: RTSPRequest, url: RTSPURL?, mount: CameraRegistry.Mount) -> String {
        if (mount.track ?? (mount.isTrack ? 0 : nil)) == index { return request.uri }
        if let url, !url.queryItems.isEmpty {
            var track = url
            if mount.isTrack, !track.pathSegments.isEmpty { track.pathSegments.removeLast() }
            track.pathSegments.append("trackID=\(index)")
            return track.serialized
        }
        var base = RTSPConnection.dropTrailingSlash(request.uri)
        if mount.isTrack, let slash = base.lastIndex(of: "/") { base = String(base[..<slash]) }
        return base + "/trackID=\(index)"
    }

    /// Gathers the RTP-Info entries of an aggregate PLAY, on the connection's loop, until
    /// every track has one.
    final class RTPInfoCollector: @unchecked Sendable {
        private let expected: [Int]
        private var entries: [Int: RTPInfoEntry] = [:]

        init(expected: [Int]) { self.expected = expected }

        /// Adds one track's entry; every entry in track order once all are in, else nil.
        func add(_ entry: RTPInfoEntry, track: Int) -> [RTPInfoEntry]? {
            entries[track] = entry
            guard entries.count == expected.count else { return nil }
            return expected.compactMap { entries[$0] }
        }
    }

    static func dropTrailingSlash(_ uri: String) -> String {
        var uri = Substring(uri)
        while uri.hasSuffix("/") { uri = uri.dropLast() }
        return String(uri)
    }
}
