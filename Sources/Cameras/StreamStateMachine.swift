import H264

/// The decisions of one live stream, without I/O: when the frame clock ticks, which slot
/// is encoded and whether as an IDR, what happens to a slot that comes due while an encode
/// is still running, which viewers start on which access unit, and when the media source
/// is opened and closed. Each event takes the time now and returns the actions for
/// `CameraStream` to carry out, in order.
///
/// The rules:
/// - Frame n is due at origin + n / fps on the monotonic clock, so frame times never drift;
///   slots that pass while the stream is behind are skipped and counted.
/// - One encode at a time. The latest slot that comes due while one runs is kept (an older
///   kept slot is dropped and counted) and encoded the moment the running encode ends, so a
///   stream behind on CPU rejoins the pool's queue at once and the pool serves every stream in turn.
/// - A viewer joining asks for an IDR and starts on the next one; a viewer joining without a
///   keyframe (a fault) starts on whatever unit comes next.
/// - With nobody watching (and not always on) the clock stops, and the source closes after
///   the idle delay unless someone comes back.
/// - A reboot drops every viewer and gives the stream a new identity; a unit still encoding
///   for the old one is discarded.
struct StreamStateMachine<ViewerID: Hashable & Sendable>: Sendable {
    struct Configuration: Sendable {
        var frameRate: FrameRate
        /// The configured picture size; a resolution fault may replace it.
        var size: PictureSize
        var alwaysOn: Bool
        var idleStopDelayNanoseconds: Int64
        /// Frame 0 falls on the frame grid every stream of the rate shares
        /// (`FrameTickSchedule.origin`), so one ticker per event loop ticks them all (a
        /// loop's streams, whose frames cost nothing to make).
        var alignsToFrameGrid = false
    }

    enum Source: Equatable, Sendable {
        case closed
        case opening(PictureSize)
        case open(PictureSize)
    }

    let configuration: Configuration
    var pictureFaults: PictureFaults
    private(set) var source: Source = .closed
    private(set) var frameClock: StreamClock?
    /// When the scheduled tick is due; nil while the clock is stopped.
    private(set) var nextTick: Int64?
    private(set) var idleStopAt: Int64?
    private(set) var inFlight: EncodeRequest?
    private(set) var deferredFrame: Int64?
    private(set) var idrRequested = false
    private(set) var ended = false
    private(set) var roster = ViewerRoster<ViewerID>()
    /// The stream identity's generation: a reboot starts a new one.
    private(set) var epoch: UInt64 = 0
    /// Whether a source has opened once, so the parameter sets are known.
    private(set) var knowsParameterSets = false
    private var describesWaiting = false
    /// The stream ended, or went idle, while an encode ran: the source closes when it finishes.
    private var closesAfterEncode = false
    /// How many times faster than the stream's frame rate the frame clock ticks: 1 but for
    /// an unpaced replay, whose frames go out as fast as encoding and its viewer allow.
    private(set) var speedup = 1

    init(configuration: Configuration, pictureFaults: PictureFaults = .none) {
        self.configuration = configuration
        self.pictureFaults = pictureFaults
    }

    var isWatched: Bool { !roster.isEmpty }
    var isTicking: Bool { nextTick != nil }

    // MARK: - Events

    /// The stream was created. An always-on stream opens its source, and its clock
    /// starts when the source is open.
    mutating func start(at now: ClockReading) -> [Action] {
        configuration.alwaysOn ? openSourceIfClosed(at: now) : []
    }

    /// A DESCRIBE wants the parameter sets: answered at once if known, else once the source opens.
    mutating func describe(at now: ClockReading) -> [Action] {
        if knowsParameterSets {
            return [.answerDescribes] + scheduleIdleStopIfUnwatched(at: now)
        }
        describesWaiting = true
        return openSourceIfClosed(at: now)
    }

    /// A viewer plays. With `keyframeOnJoin` an IDR is requested at once, so the picture
    /// starts within a frame or two rather than a GOP.
    mutating func join(_ viewer: ViewerID, keyframeOnJoin: Bool, at now: ClockReading) -> [Action] {
        guard !ended else { return [.endViewers([viewer])] }
        guard roster.join(viewer, waitsForIDR: keyframeOnJoin) else { return [] }
        if keyframeOnJoin { idrRequested = true }
        // An idle stop waiting for the running encode is called off.
        closesAfterEncode = false
        var actions: [Action] = []
        if idleStopAt != nil {
            idleStopAt = nil
            actions.append(.cancelIdleStop)
        }
        if case .open = source {
            actions += startTicking(at: now)
        } else {
            actions += openSourceIfClosed(at: now)
        }
        return actions
    }

    /// A viewer stops (PAUSE, TEARDOWN, expiry, connection closed).
    mutating func leave(_ viewer: ViewerID, at now: ClockReading) -> [Action] {
        roster.leave(viewer)
        return scheduleIdleStopIfUnwatched(at: now)
    }

    mutating func sourceOpened(size: PictureSize, at now: ClockReading) -> [Action] {
        source = .open(size)
        knowsParameterSets = true
        var actions: [Action] = []
        if describesWaiting {
            describesWaiting = false
            actions.append(.answerDescribes)
        }
        if ended {
            source = .closed
            return actions + [.closeSource]
        }
        if isWatched || configuration.alwaysOn {
            actions += startTicking(at: now)
        } else {
            actions += scheduleIdleStopIfUnwatched(at: now)
        }
        return actions
    }

    /// The source did not open: DESCRIBEs fail and waiting viewers are ended.
    mutating func sourceFailed(at now: ClockReading) -> [Action] {
        source = .closed
        var actions: [Action] = []
        if describesWaiting {
            describesWaiting = false
            actions.append(.failDescribes)
        }
        let waiting = roster.removeWaiting()
        if !waiting.isEmpty { actions.append(.endViewers(waiting)) }
        return actions
    }

    /// The scheduled tick came: take the latest due slot and schedule the next tick.
    mutating func tickFired(at now: ClockReading) -> [Action] {
        guard isTicking, !ended else { return [] }
        return takeSlot(at: now)
    }

    mutating func encodeFinished(_ outcome: EncodeOutcome, at now: ClockReading) -> [Action] {
        guard let request = inFlight else { return [] }
        inFlight = nil
        var actions: [Action] = []
        if closesAfterEncode {
            closesAfterEncode = false
            source = .closed
            actions.append(.closeSource)
        }
        switch outcome {
        case .accessUnit(let isIDR) where request.epoch == epoch && !ended:
            actions.append(.fanOut(starting: roster.start(accessUnitIsIDR: isIDR)))
        case .accessUnit:
            break  // made for the identity before a reboot, or for a stream that ended
        case .nothing, .failed:
            // The IDR asked for did not come out: ask again with the next frame.
            if request.forceIDR { idrRequested = true }
        }
        if let frame = deferredFrame {
            deferredFrame = nil
            if let frameClock, isTicking, !ended {
                actions += encode(frame: frame, clock: frameClock, at: now)
            } else {
                actions.append(.countSkipped(1))
            }
        }
        return actions
    }

    /// The idle delay passed: close the source if still nobody watches, at once or when
    /// the running encode finishes.
    mutating func idleStopFired(at now: ClockReading) -> [Action] {
        guard idleStopAt != nil else { return [] }
        idleStopAt = nil
        guard !isWatched, case .open = source else { return [] }
        if inFlight != nil {
            closesAfterEncode = true
            return []
        }
        source = .closed
        return [.closeSource]
    }

    /// Someone asked for an IDR (the control API's `idr` action): the next frame encoded
    /// is one. Nothing else changes.
    mutating func requestIDR() {
        idrRequested = true
    }

    /// The camera "rebooted": every viewer is dropped, the next frame is an IDR and units
    /// made for the old identity are discarded.
    mutating func reboot(at now: ClockReading) -> [Action] {
        let everyone = roster.removeAll()
        epoch &+= 1
        idrRequested = true
        var actions = scheduleIdleStopIfUnwatched(at: now)
        if !everyone.isEmpty { actions.append(.dropViewers(everyone)) }
        return actions
    }

    /// The stream ends for good: viewers are told and the source closes.
    mutating func end(at now: ClockReading) -> [Action] {
        ended = true
        let everyone = roster.removeAll()
        var actions = stopTicking()
        if idleStopAt != nil {
            idleStopAt = nil
            actions.append(.cancelIdleStop)
        }
        switch source {
        case .open where inFlight != nil: closesAfterEncode = true
        case .open: actions.append(.closeSource)
        case .opening, .closed: break  // an opening source is closed when it opens
        }
        source = .closed
        if !everyone.isEmpty { actions.append(.endViewers(everyone)) }
        return actions
    }

    // MARK: - Rules

    private mutating func openSourceIfClosed(at now: ClockReading) -> [Action] {
        guard case .closed = source else { return [] }
        let size = wantedSize(at: now)
        source = .opening(size)
        return [.openSource(size)]
    }

    /// The picture size now: the configured one, unless a fault changes it mid-stream.
    private func wantedSize(at now: ClockReading) -> PictureSize {
        pictureFaults.resolution(now.monotonic) ?? configuration.size
    }

    /// The frame clock's origin, the instant of frame 0, which an audio track's sample 0
    /// shares. When the clock has not started yet (the audio plays before the video's
    /// source is open) it is made now, and the video starts on the slot due when it does.
    mutating func mediaOrigin(at now: ClockReading) -> ClockReading {
        if frameClock == nil { frameClock = newFrameClock(at: now) }
        let clock = frameClock!
        return ClockReading(monotonic: clock.originNanos, wall: clock.wallOriginNanos)
    }

    /// A frame clock whose frame 0 is now, or with `alignsToFrameGrid` the frame grid's
    /// last instant before now (less than a frame ago).
    private func newFrameClock(at now: ClockReading) -> StreamClock {
        var origin = now.monotonic
        if configuration.alignsToFrameGrid, speedup == 1 {
            origin = FrameTickSchedule<Int>.origin(at: now.monotonic, rate: tickRate)
        }
        return StreamClock(frameRate: tickRate, originNanos: origin, wallOriginNanos: now.wall - (now.monotonic - origin))
    }

    /// The frame clock ticks `speedup` times faster from now on; frame slots go on from
    /// where they were, so frame indices never repeat.
    mutating func setSpeedup(_ speedup: Int, at now: ClockReading) {
        let speedup = max(1, speedup)
        guard speedup != self.speedup else { return }
        self.speedup = speedup
        guard let old = frameClock else { return }
        let rate = tickRate
        let elapsed = rate.nanoseconds(untilFrame: old.nextFrame)
        var clock = StreamClock(
            frameRate: rate, originNanos: now.monotonic - elapsed, wallOriginNanos: now.wall - elapsed)
        clock.resume(at: now.monotonic)
        frameClock = clock
    }

    /// The frame clock's rate: the stream's frame rate times `speedup`.
    private var tickRate: FrameRate {
        FrameRate(numerator: configuration.frameRate.numerator * speedup, denominator: configuration.frameRate.denominator)
    }

    private mutating func startTicking(at now: ClockReading) -> [Action] {
        guard !isTicking, !ended else { return [] }
        if frameClock == nil {
            frameClock = newFrameClock(at: now)
        } else {
            // After an idle spell the slots nobody needed are not drops.
            frameClock!.resume(at: now.monotonic)
        }
        return takeSlot(at: now)
    }

    private mutating func stopTicking() -> [Action] {
        deferredFrame = nil
        guard isTicking else { return [] }
        nextTick = nil
        return [.cancelTick]
    }

    private mutating func scheduleIdleStopIfUnwatched(at now: ClockReading) -> [Action] {
        guard !isWatched, !configuration.alwaysOn, !ended else { return [] }
        let due = now.monotonic + configuration.idleStopDelayNanoseconds
        idleStopAt = due
        return stopTicking() + [.scheduleIdleStop(at: due)]
    }

    private mutating func takeSlot(at now: ClockReading) -> [Action] {
        guard var frameClock else { return [] }
        var actions: [Action] = []
        let taken = frameClock.take(at: now.monotonic)
        self.frameClock = frameClock
        if let frame = taken.frame {
            var skipped = taken.skipped
            if inFlight != nil {
                // A newer slot supersedes a kept one: that one is dropped.
                if deferredFrame != nil { skipped += 1 }
                deferredFrame = frame
            }
            if skipped > 0 { actions.append(.countSkipped(skipped)) }
            if inFlight == nil { actions += encode(frame: frame, clock: frameClock, at: now) }
        }
        let due = frameClock.dueNanos(ofFrame: frameClock.nextFrame)
        nextTick = due
        actions.append(.scheduleTick(at: due))
        return actions
    }

    private mutating func encode(frame: Int64, clock: StreamClock, at now: ClockReading) -> [Action] {
        // Without an open source the slot passes unencoded.
        guard case .open(let size) = source else { return [] }
        let wanted = wantedSize(at: now)
        if wanted != size {
            // A new size: a new source, whose first frame is an IDR with the new SPS/PPS in band.
            source = .opening(wanted)
            return [.closeSource, .openSource(wanted)]
        }
        let request = EncodeRequest(
            frame: frame,
            forceIDR: idrRequested,
            redraw: !pictureFaults.isFrozen(now.monotonic),
            mediaNanos: clock.mediaNanos(ofFrame: frame),
            wallClockNanos: clock.wallClockNanos(ofFrame: frame),
            epoch: epoch
        )
        idrRequested = false
        inFlight = request
        return [.encode(request)]
    }
}
