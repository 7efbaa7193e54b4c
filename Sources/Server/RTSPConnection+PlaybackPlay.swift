import Cameras
import NIOCore
import RTSP

extension RTSPConnection {
    /// Scales a recording plays at (RFC 2326 §12.34): a request outside them gets the
    /// nearest, and the answer's Scale says which.
    static let playbackScales: ClosedRange<Double> = 0.25...16

    /// Where a PLAY of a recording starts, read from its Range (RFC 2326 §12.29) or the
    /// URL's `starttime`.
    enum PlaybackStart {
        /// A normal play time; the answer names the frame in npt.
        case npt(seconds: Double, end: Double?)
        /// An absolute time; the answer names the frame as clock time.
        case clock(Int64, end: Int64?)
        /// No Range: the beginning the first time, else where PAUSE left off.
        case resume
    }

    /// PLAY of a recording (RFC 2326 §10.5). With a Range the session seeks to the frame
    /// whose capture instant is the first at or after the range's start, and that frame
    /// is sent first, as an IDR: the seek is frame-exact. A Range outside the recording is
    /// 457 Invalid Range (RFC 2326 §11.3.18); SMPTE ranges are not served (457 too). PLAY
    /// while playing seeks at once (RFC 7826 §13.4.3 describes this for RTSP 2.0; RFC 2326
    /// §10.5 queues it, which clients that send PAUSE first do not notice). The answer's
    /// Range names the frame the session starts on, and RTP-Info the seq and rtptime of
    /// its first packet (RFC 2326 §12.33).
    func playRecording(
        _ context: RTSPRequestContext, session: RTSPServerSession, playback: PlaybackStream
    ) throws(Refusal) -> EventLoopFuture<RTSPResponse> {
        let request = context.request
        let start = try playbackStart(request, url: context.url)
        let scale = try playbackScale(request)
        let replay = try replayMode(request)
        let askedForSpeed = try playbackSpeed(request)
        playback.cursor.setReplay(replay)
        if let replay {
            let period = playback.stream.definition.encoder.frameRate.nanoseconds(untilFrame: 1)
            playback.cursor.setScale(Double(replay.slotsPerFrame(framePeriodNanoseconds: period)))
        }
        guard let viewer = session.viewer else { throw Refusal(.methodNotValidInThisState) }
        // Rate-Control: no (ONVIF replay): as fast as the connection takes it. The stream
        // encodes a frame only while the viewer's transport can take more (TCP: the
        // channel is writable), at most `unpacedMaximumSpeed` times its frame rate.
        if let replay, !replay.paced {
            let transport = viewer.transport
            playback.stream.pace(speedup: ReplayMode.unpacedMaximumSpeed, viewerReady: { transport.canAcceptMore })
        } else {
            playback.stream.pace(speedup: 1, viewerReady: nil)
        }
        guard case .resume = start, !session.isPlaying else {
            return try startPlayback(
                context, session: session, playback: playback, viewer: viewer, start: start, scale: scale, lastSent: nil
            ).map { Self.statingSpeed($0, askedForSpeed) }
        }
        // A resume continues after the last frame the viewer was handed: once the stream
        // has let the viewer go, every unit it handed over is queued on the viewer's loop.
        let loop = eventLoop
        return playback.stream.eventLoop.submit {}.flatMap { viewer.lastDeliveredFrameSoFar() }.hop(to: loop)
            .flatMap { lastSent in
                do throws(Refusal) {
                    return try self.startPlayback(
                        context, session: session, playback: playback, viewer: viewer, start: start, scale: scale,
                        lastSent: lastSent)
                } catch {
                    return loop.makeSucceededFuture(self.answer(error))
                }
            }
            .map { Self.statingSpeed($0, askedForSpeed) }
    }

    /// A PLAY's Speed (RFC 2326 §12.35, RFC 7826 §18.50): 400 when it does not parse.
    /// Returns whether there was one. Playback is delivered at the speed of its Scale.
    private func playbackSpeed(_ request: RTSPRequest) throws(Refusal) -> Bool {
        guard let text = request.headers[SpeedHeader.headerName] else { return false }
        do throws(SpeedHeaderError) {
            _ = try SpeedHeader.parse(text)
        } catch {
            throw Refusal(error.status)
        }
        return true
    }

    /// The answer states the delivery speed used, 1, when the request asked for one.
    private static func statingSpeed(_ response: RTSPResponse, _ asked: Bool) -> RTSPResponse {
        guard asked, response.status == .ok else { return response }
        var response = response
        response.headers.add(SpeedHeader.headerName, SpeedHeader.normal.serialized)
        return response
    }

    private func startPlayback(
        _ context: RTSPRequestContext, session: RTSPServerSession, playback: PlaybackStream, viewer: SessionViewer,
        start: PlaybackStart, scale: Double?, lastSent: Int64?
    ) throws(Refusal) -> EventLoopFuture<RTSPResponse> {
        let request = context.request
        let cursor = playback.cursor
        let timeline = playback.timeline
        let now = PlaybackClock.now()

        if let scale { cursor.setScale(scale) }
        let slot: RecordingTimeline.Slot?
        var stopAt: Int64?
        switch start {
        case .npt(let seconds, let end):
            let instant = timeline.instant(normalPlayTime: seconds)
            guard timeline.contains(instant, now: now) else { throw Refusal(.invalidRange, reason: Self.span(timeline, now: now)) }
            slot = cursor.seek(toNanoseconds: instant)
            stopAt = end.map(timeline.instant(normalPlayTime:))
        case .clock(let instant, let end):
            guard timeline.contains(instant, now: now) else { throw Refusal(.invalidRange, reason: Self.span(timeline, now: now)) }
            slot = cursor.seek(toNanoseconds: instant)
            stopAt = end
        case .resume:
            slot = session.isPlaying ? cursor.currentSlot : cursor.resume(lastSentFrame: lastSent)
        }
        guard let slot else { throw Refusal(.invalidRange, reason: Self.span(timeline, now: now)) }
        if case .resume = start {} else { cursor.stop(at: stopAt) }

        let action: RTSPSessionAction
        switch session.handle(.play) {
        case .success(let result): action = result
        case .failure(let status): throw Refusal(status)
        }
        var reply = answer(.ok)
        reply.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
        reply.headers.add(RangeHeader.headerName, Self.rangeAnswer(start, slot: slot, timeline: timeline, now: now).serialized)
        // The answer states the scale used (RFC 2326 §12.34).
        if scale != nil, let used = ScaleHeader(cursor.scale) { reply.headers.add(ScaleHeader.headerName, used.serialized) }
        let response = reply
        // PLAY without a Range while playing changes nothing (RFC 2326 §10.5).
        if action == .alreadyPlaying, case .resume = start, scale == nil { return eventLoop.makeSucceededFuture(response) }

        let stream = playback.stream
        let loop = eventLoop
        // The end of the recording: RTCP BYE (RFC 3550 §6.6), and the session goes back to
        // Ready (RFC 2326 Appendix A), so the client may seek again.
        cursor.onEnd { [weak session] in
            loop.execute { [weak session] in
                guard let session, session.isPlaying, let viewer = session.viewer else { return }
                _ = session.handle(.pause)
                stream.stop(viewer)
                viewer.sendGoodbye(reason: "end of recording", endsSession: false)
            }
        }
        let trackURL = context.mount?.isTrack == true ? request.uri : RTSPConnection.dropTrailingSlash(request.uri) + "/trackID=0"
        let promise = loop.makePromise(of: RTSPResponse.self)
        let latch = ReplyLatch(promise)
        let complete: @Sendable (Result<RTSPResponse, any Error>) -> Void = { latch.complete($0) }
        viewer.rearm(onStart: { sequenceNumber, rtpTime in
            let info = RTPInfoEntry(url: trackURL, sequenceNumber: sequenceNumber, rtpTime: rtpTime)
            let started = {
                var started = response
                started.headers.add("RTP-Info", info.serialized)
                return started
            }()
            if loop.inEventLoop { complete(.success(started)) } else { loop.execute { complete(.success(started)) } }
        })
        // Seeking while playing: the viewer leaves and joins again, so it starts anew on
        // the IDR of the frame sought.
        if action == .alreadyPlaying { stream.stop(viewer) }
        stream.play(viewer, keyframeOnJoin: true)
        loop.scheduleTask(in: .seconds(10)) { complete(.failure(PlayTimedOut())) }
        return promise.futureResult
    }

    /// The Range (400 when malformed, 457 when it runs backwards or is SMPTE), else the
    /// URL's `starttime`/`endtime`, else a resume.
    private func playbackStart(_ request: RTSPRequest, url: RTSPURL?) throws(Refusal) -> PlaybackStart {
        if let text = request.headers[RangeHeader.headerName] {
            let range: RangeHeader
            do throws(RangeHeaderError) {
                range = try RangeHeader.parse(text)
            } catch {
                throw Refusal(error.status)
            }
            switch range.specifier {
            case .npt(let start, let end):
                let endSeconds: Double? = if case .seconds(let value)? = end { value } else { nil }
                switch start {
                case .seconds(let seconds)?: return .npt(seconds: seconds, end: endSeconds)
                case .now?, nil: return .resume
                }
            case .clock(let start, let end):
                guard let start else { return .resume }
                return .clock(start.unixNanoseconds, end: end?.unixNanoseconds)
            case .smpte:
                throw Refusal(.invalidRange, reason: "SMPTE ranges are not served; use npt= or clock=")
            }
        }
        if let url, let query = try PlaybackQuery(url), let startTime = query.start {
            return .clock(startTime.unixNanoseconds, end: query.end?.unixNanoseconds)
        }
        return .resume
    }

    /// The Scale asked for (400 when malformed), held to `playbackScales` either way; nil
    /// when PLAY has none (the scale stays as it was).
    private func playbackScale(_ request: RTSPRequest) throws(Refusal) -> Double? {
        guard let text = request.headers[ScaleHeader.headerName] else { return nil }
        let asked: Double
        do throws(ScaleHeaderError) {
            asked = try ScaleHeader.parse(text).value
        } catch {
            throw Refusal(error.status)
        }
        guard asked != 0 else { throw Refusal(.badRequest, reason: "Scale 0 plays nothing; PAUSE instead") }
        let magnitude = min(max(abs(asked), Self.playbackScales.lowerBound), Self.playbackScales.upperBound)
        return asked < 0 ? -magnitude : magnitude
    }

    /// The answer's Range names the frame the session starts on, in the unit asked.
    static func rangeAnswer(_ start: PlaybackStart, slot: RecordingTimeline.Slot, timeline: RecordingTimeline, now: Int64) -> RangeHeader {
        switch start {
        case .clock(_, let end):
            if let from = UTCTime(unixNanoseconds: slot.instantNanoseconds) {
                return RangeHeader(.clock(start: from, end: end.flatMap { UTCTime(unixNanoseconds: $0) }))
            }
            fallthrough
        case .npt, .resume:
            let end: NPTTime? = timeline.isGrowing ? nil : .seconds(Double(timeline.duration(now: now)) / 1e9)
            var requestedEnd: NPTTime?
            if case .npt(_, let asked?) = start { requestedEnd = .seconds(asked) }
            return RangeHeader(start: .seconds(timeline.normalPlayTime(of: slot.instantNanoseconds)), end: requestedEnd ?? end)
        }
    }

    static func seconds(_ nanoseconds: Int64) -> String { String(format3: Double(nanoseconds) / 1e9) }

    static func span(_ timeline: RecordingTimeline, now: Int64) -> String {
        let start = UTCTime(unixNanoseconds: timeline.startNanoseconds)?.serialized ?? "?"
        let end = UTCTime(unixNanoseconds: timeline.end(now: now))?.serialized ?? "?"
        return "the recording runs from \(start) to \(end)"
    }
}

extension String {
    /// `value` with three decimals.
    init(format3 value: Double) {
        let millis = Int64((value * 1000).rounded())
        let fraction = String(abs(millis % 1000))
        self = "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
