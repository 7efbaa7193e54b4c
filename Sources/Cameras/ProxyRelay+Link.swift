import Logging
import NIOCore

/// Carrying out `UpstreamLink`'s actions, and taking the upstream session's events.
extension ProxyRelay {
    func apply(_ actions: [UpstreamLink.Action]) {
        eventLoop.assertInEventLoop()
        for action in actions {
            switch action {
            case .connect: connect()
            case .disconnect: disconnect()
            case .scheduleRetry(let at): schedule(.retry, at: at) { $0.retryFired(at: $1) }
            case .scheduleIdleStop(let at): schedule(.idleStop, at: at) { $0.idleStopFired(at: $1) }
            case .cancelIdleStop: cancel(.idleStop)
            case .scheduleOutageEnd(let at): schedule(.outage, at: at) { $0.outageExpired(at: $1) }
            case .cancelOutageEnd: cancel(.outage)
            case .scheduleDescribeTimeout(let at): schedule(.describeTimeout, at: at) { $0.describeTimedOut(at: $1) }
            case .answerDescribes: answerDescribes()
            case .refuseDescribes(let refusal):
                let waiting = describes
                describes.removeAll()
                for promise in waiting { promise.fail(refusal) }
            case .endViewers:
                logger.warning("upstream outage outlasted its window: ending the viewers")
                for key in roster.removeAll() { viewers.removeValue(forKey: key)?.streamDidEnd() }
                viewerCountChanged()
                apply(link.watchersChanged(watched: false, at: clock.nanoseconds()))
            }
        }
        publishStatus()
    }

    /// Answers the waiting DESCRIBEs if the parameter sets are known; otherwise they
    /// wait for in-band SPS/PPS (or the describe timeout).
    func answerDescribes() {
        guard let parameterSets = knownParameterSets else {
            // Upstream described no sprop-parameter-sets: wait a little for in-band ones.
            if !describes.isEmpty, timers[.inBandWait] == nil {
                schedule(.inBandWait, at: clock.nanoseconds() + Self.inBandWaitNanoseconds) { _, _ in
                    [.refuseDescribes(.upstreamUnavailable(retryAfterSeconds: 1))]
                }
            }
            return
        }
        cancel(.inBandWait)
        let waiting = describes
        describes.removeAll()
        for promise in waiting { promise.succeed(parameterSets) }
    }

    private func connect() {
        sessionGeneration &+= 1
        let generation = sessionGeneration
        let loop = eventLoop
        logger.info("connecting upstream", metadata: ["url": "\(settings.upstream.displayURL)"])
        session = settings.upstream.open { event in
            loop.execute { self.receive(event, generation: generation) }
        }
    }

    private func disconnect() {
        sessionGeneration &+= 1
        session?.close()
        session = nil
        gopCache?.clear()
        awaitingIDR = true
        timeline.newSession()
    }

    private func receive(_ event: UpstreamEvent, generation: Int) {
        guard generation == sessionGeneration else { return }
        let now = clock.nanoseconds()
        switch event {
        case .described(let described):
            description = described
            if let sets = described.parameterSets { knownParameterSets = sets }
            if !described.isSupported {
                logger.error("upstream codec cannot be relayed", metadata: [
                    "codec": "\(described.encodingName)/\(described.clockRate)",
                    "url": "\(settings.upstream.displayURL)"])
            } else {
                let message: Logger.Message = link.failures > 0 ? "upstream reconnected" : "upstream playing"
                logger.info(message, metadata: ["url": "\(settings.upstream.displayURL)"])
            }
            awaitingIDR = true
            timeline.newSession()
            apply(link.described(encodingName: described.encodingName, isSupported: described.isSupported, at: now))
        case .accessUnit(let unit):
            relay(unit)
        case .senderReport(let ntp, let rtp):
            timeline.senderReport(ntpTimestamp: ntp, rtpTimestamp: rtp)
        case .loss(let percent):
            let previous = statusBox.withLockedValue { status in
                defer { status.lossPercent = percent }
                return status.lossPercent
            }
            // A change of a point or more is worth a line; the control API has every figure.
            if abs(percent - previous) >= 1 {
                logger.notice("upstream loss", metadata: [
                    "url": "\(settings.upstream.displayURL)", "loss_pct": "\((percent * 10).rounded() / 10)"])
            }
        case .closed(let reason):
            session = nil
            logger.warning("upstream failed", metadata: [
                "url": "\(settings.upstream.displayURL)", "reason": "\(reason)", "failures": "\(link.failures + 1)"])
            apply(link.failed(at: now))
            if case .retrying(let at) = link.state {
                logger.info("upstream reconnect scheduled", metadata: ["in_ms": "\((at - now) / 1_000_000)"])
            }
        }
    }

    /// How long a DESCRIBE waits for in-band SPS/PPS when the upstream SDP has none.
    static let inBandWaitNanoseconds: Int64 = 5_000_000_000

    private func schedule(
        _ kind: TimerKind, at due: Int64, fire: @escaping @Sendable (inout UpstreamLink, Int64) -> [UpstreamLink.Action]
    ) {
        timers[kind]?.cancel()
        let generation = (timerGenerations[kind] ?? 0) &+ 1
        timerGenerations[kind] = generation
        timers[kind] = eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: due)) {
            guard self.timerGenerations[kind] == generation else { return }
            self.timers[kind] = nil
            self.apply(fire(&self.link, self.clock.nanoseconds()))
        }
    }

    func cancel(_ kind: TimerKind) {
        timers.removeValue(forKey: kind)?.cancel()
        timerGenerations[kind] = (timerGenerations[kind] ?? 0) &+ 1
    }

    private func publishStatus() {
        let state: String = switch link.state {
        case .idle: "idle"
        case .connecting: "connecting"
        case .up: "up"
        case .retrying: "retrying"
        }
        let reconnects = link.reconnects
        let failures = link.failures
        statusBox.withLockedValue {
            $0.state = state
            $0.reconnects = reconnects
            $0.failures = failures
        }
    }
}
