import Frames
import H264
import NIOCore
import RTP

/// Carrying out the state machine's actions: timers, the source in its encode lane,
/// DESCRIBE answers and viewer notifications.
extension CameraStream: FrameTickMember {
    /// The loop's `FrameTicker` fired: the frame slot due now is taken.
    func frameTickFired() {
        apply(machine.tickFired(at: clock.reading()))
    }

    typealias Action = StreamStateMachine<ObjectIdentifier>.Action

    typealias EncodeRequest = StreamStateMachine<ObjectIdentifier>.EncodeRequest

    /// Carries out `actions` in order. `finished` is the access unit an `encodeFinished`
    /// event reported, and the request it answered.
    func apply(_ actions: [Action], finished: (batch: RTPPacketBatch, request: EncodeRequest)? = nil) {
        eventLoop.assertInEventLoop()
        for action in actions {
            switch action {
            case .openSource(let size): openSource(size: size)
            case .closeSource:
                source?.close()
                source = nil
                encodeLane?.release()
                encodeLane = nil
                logger.debug("encoder closed")
            case .encode(let request): submit(request)
            case .scheduleTick(let due): scheduleTick(at: due)
            case .cancelTick:
                cancelOwnTick()
                leaveFrameTicker()
            case .scheduleIdleStop(let due):
                idleStopTask?.cancel()
                idleStopGeneration &+= 1
                let generation = idleStopGeneration
                idleStopTask = eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: due)) {
                    guard generation == self.idleStopGeneration else { return }
                    self.apply(self.machine.idleStopFired(at: self.clock.reading()))
                }
            case .cancelIdleStop:
                idleStopTask?.cancel()
                idleStopTask = nil
                idleStopGeneration &+= 1
            case .answerDescribes:
                let waiting = describes
                describes.removeAll()
                for promise in waiting {
                    if let cachedFormatParameters {
                        promise.succeed(cachedFormatParameters)
                    } else {
                        promise.fail(openError ?? CancellationError())
                    }
                }
            case .failDescribes:
                let waiting = describes
                describes.removeAll()
                for promise in waiting { promise.fail(openError ?? CancellationError()) }
            case .fanOut(let starting):
                if let finished { fanOut(finished.batch, of: finished.request, starting: starting) }
            case .endViewers(let ended):
                for key in ended { viewers.removeValue(forKey: key)?.streamDidEnd() }
            case .dropViewers(let dropped):
                for key in dropped { viewers.removeValue(forKey: key)?.streamWasDropped() }
            case .countSkipped(let count):
                counters.framesSkipped.wrappingAdd(Int(count), ordering: .relaxed)
            }
        }
        counters.activeViewers.store(machine.roster.active.count, ordering: .relaxed)
    }

    /// A stream whose frames cost nothing to make ticks on its event loop's `FrameTicker`
    /// with the loop's other such streams; the others have a timer each.
    private func scheduleTick(at due: Int64) {
        if source?.isCheap == true, machine.configuration.alignsToFrameGrid, machine.speedup == 1 {
            cancelOwnTick()
            if frameTicker == nil {
                let ticker = FrameTicker.on(eventLoop, clock: clock)
                frameTicker = ticker
                ticker.join(self, rate: definition.encoder.frameRate)
            }
            return
        }
        leaveFrameTicker()
        tickTask?.cancel()
        tickGeneration &+= 1
        let generation = tickGeneration
        tickTask = eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: due)) {
            guard generation == self.tickGeneration else { return }
            self.apply(self.machine.tickFired(at: self.clock.reading()))
        }
    }

    private func cancelOwnTick() {
        tickTask?.cancel()
        tickTask = nil
        tickGeneration &+= 1
    }

    private func leaveFrameTicker() {
        frameTicker?.leave(self, rate: definition.encoder.frameRate)
        frameTicker = nil
    }

    private func openSource(size: PictureSize) {
        var sized = definition
        sized.encoder.width = size.width
        sized.encoder.height = size.height
        let definition = sized
        let lane = encodeLane ?? encodePool.makeLane()
        encodeLane = lane
        lane.run(eventLoop: eventLoop) {
            try definition.openMediaSource(definition)
        }.whenComplete { result in
            switch result {
            case .success(let source):
                self.source = source
                self.cachedFormatParameters = source.formatParameters
                self.counters.encoderOpens.wrappingAdd(1, ordering: .relaxed)
                self.logger.debug("encoder opened", metadata: ["size": "\(size)"])
                self.apply(self.machine.sourceOpened(size: size, at: self.clock.reading()))
            case .failure(let error):
                self.logger.error("cannot open encoder: \(error)")
                self.encodeLane?.release()
                self.encodeLane = nil
                self.openError = error
                self.apply(self.machine.sourceFailed(at: self.clock.reading()))
            }
        }
    }

    private func submit(_ request: EncodeRequest) {
        if let viewerReady, !request.forceIDR, !viewerReady() {
            // Paced by its viewer, which cannot take more yet: this slot passes unencoded,
            // so the queue toward the viewer stays bounded and the next tick tries again.
            eventLoop.execute { self.apply(self.machine.encodeFinished(.nothing, at: self.clock.reading())) }
            return
        }
        guard let source, let packetizer = packetizer.take() else {
            // The state machine encodes only with an open source and no encode running.
            preconditionFailure("encode without a source or with one already running")
        }
        let context = FrameContext(
            frameIndex: request.frame,
            mediaTime: Double(request.mediaNanos) / 1e9,
            wallClockNanos: request.wallClockNanos,
            cameraName: definition.cameraName,
            seed: seed,
            frameRate: definition.encoder.frameRate.framesPerSecond
        )
        let unit = AccessUnitRequest(
            context: context, forceIDR: request.forceIDR,
            rtpTimestamp: rtpClock.timestamp(atNanoseconds: request.mediaNanos), redraw: request.redraw)
        if source.isCheap {
            // A stored unit packetized: done here, on the loop, without a hop to the pool.
            let started = clock.nanoseconds()
            let result = Result { try source.makeAccessUnit(unit, packetizer: &packetizer.packetizer) }
            encodeStatistics.record(unit, seconds: Double(clock.nanoseconds() - started) / 1e9)
            finishEncode(.success((result, packetizer)), of: request, replacement: nil)
            return
        }
        // If the executor drops the job, the packetizer goes with it; this one continues its numbering.
        let replacement = PacketizerSlot(packetizer.packetizer.continuing())
        let clock = self.clock
        let statistics = encodeStatistics
        let lane = encodeLane ?? encodePool.makeLane()
        encodeLane = lane
        lane.run(eventLoop: eventLoop) { () -> (Result<RTPPacketBatch?, any Error>, PacketizerSlot) in
            let started = clock.nanoseconds()
            // In place: the slot's packetizer and its buffer stay uniquely held, so nothing is copied.
            let result = Result { try source.makeAccessUnit(unit, packetizer: &packetizer.packetizer) }
            statistics.record(unit, seconds: Double(clock.nanoseconds() - started) / 1e9)
            return (result, packetizer)
        }.whenComplete { completion in
            self.finishEncode(completion, of: request, replacement: replacement)
        }
    }

    /// Takes back the packetizer an encode borrowed and tells the state machine what it made.
    /// `replacement` continues the numbering when the pool dropped the job and its packetizer.
    private func finishEncode(
        _ completion: Result<(Result<RTPPacketBatch?, any Error>, PacketizerSlot), any Error>,
        of request: EncodeRequest, replacement: PacketizerSlot?
    ) {
        let result: Result<RTPPacketBatch?, any Error>
        switch completion {
        case .success(let (made, packetizer)):
            result = made
            // After a reboot the stream already holds the new identity's packetizer.
            if request.epoch == self.machine.epoch { self.packetizer = packetizer }
        case .failure(let error):
            result = .failure(error)
            if request.epoch == self.machine.epoch { self.packetizer = replacement }
        }
        var outcome = StreamStateMachine<ObjectIdentifier>.EncodeOutcome.nothing
        var finished: (RTPPacketBatch, EncodeRequest)?
        switch result {
        case .success(let made?) where made.packetCount > 0:
            outcome = .accessUnit(isIDR: made.containsIDR)
            finished = (made, request)
        case .success:
            break
        case .failure(let error):
            outcome = .failed
            // Jobs still queued when the server stops are cancelled: not an error.
            if !self.machine.ended { self.logger.error("encode failed: \(error)") }
        }
        self.apply(self.machine.encodeFinished(outcome, at: self.clock.reading()), finished: finished)
    }
}
