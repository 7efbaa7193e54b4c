import Frames
import H264
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RTP
import Randomness

/// One stream of one camera: a frame clock, one encoder and one packetizer, and the
/// viewers it fans packets out to. However many watch, each frame is rendered,
/// encoded and packetized once.
///
/// All mutable state lives on `eventLoop`; public methods may be called from anywhere
/// and hop there. Encoding runs on the shared encode pool, one job per stream at a time.
public final class CameraStream: @unchecked Sendable {
    public let definition: StreamDefinition
    public let eventLoop: any EventLoop
    public let counters = StreamCounters()
    private let identityBox: NIOLockedValueBox<StreamIdentity>
    private let encodePool: NIOThreadPool
    private let clock: any MonotonicClock
    private let logger: Logger
    private let seed: UInt64

    // Loop-confined state.
    private var pipeline: EncodingPipeline?
    private var pipelineOpening: EventLoopFuture<EncodingPipeline>?
    private var cachedParameterSets: ParameterSets?
    private var packetizer: H264Packetizer
    private var rtpClock: RTPTimestampClock
    private var frameClock: StreamClock?
    private var viewers: [ObjectIdentifier: any StreamViewer] = [:]
    private var pendingViewers: [ObjectIdentifier: any StreamViewer] = [:]
    /// Pending viewers that start on whatever access unit comes next (no IDR on join).
    private var joinAnywhere: Set<ObjectIdentifier> = []
    private var tickTask: Scheduled<Void>?
    private var idleStopTask: Scheduled<Void>?
    private var encodeInFlight = false
    /// The latest slot that came due while an encode was in flight; it is encoded as soon
    /// as that encode finishes, so a stream behind on CPU rejoins the pool's queue at once
    /// and the pool serves every stream in turn instead of favouring lucky phases.
    private var deferredFrame: Int64?
    private var idrRequested = false
    private var ended = false

    public init(
        definition: StreamDefinition,
        eventLoop: any EventLoop,
        encodePool: NIOThreadPool,
        clock: any MonotonicClock = SystemMonotonicClock(),
        logger: Logger = Logger(label: "camsim.stream")
    ) {
        self.definition = definition
        self.eventLoop = eventLoop
        self.encodePool = encodePool
        self.clock = clock
        var logger = logger
        logger[metadataKey: "camera"] = "\(definition.cameraName)/\(definition.streamName)"
        self.logger = logger
        var entropy = SeededGenerator.fromEntropy()
        seed = definition.seed ?? entropy.next()
        let (identity, packetizer, rtpClock) = Self.rtpState(seed: seed, definition: definition)
        identityBox = NIOLockedValueBox(identity)
        self.packetizer = packetizer
        self.rtpClock = rtpClock
        if definition.alwaysOn {
            eventLoop.execute { self.startTicking() }
        }
    }

    // MARK: - Public interface

    /// The stream's SSRC and sequence/timestamp bases now.
    public var identity: StreamIdentity { identityBox.withLockedValue { $0 } }

    /// Comes back as if the camera had rebooted: every viewer is dropped without a
    /// goodbye and the stream gets a new SSRC, sequence and timestamp base from `seed`.
    public func reboot(seed: UInt64) -> EventLoopFuture<Void> {
        eventLoop.submit {
            let everyone = self.detachAllViewers()
            let (identity, packetizer, rtpClock) = Self.rtpState(seed: seed, definition: self.definition)
            self.identityBox.withLockedValue { $0 = identity }
            self.packetizer = packetizer
            self.rtpClock = rtpClock
            self.idrRequested = true
            self.scheduleIdleStopIfUnwatched()
            for viewer in everyone { viewer.streamWasDropped() }
        }
    }

    /// The RTP identity `seed` gives the stream, and a packetizer and RTP clock that start from it.
    private static func rtpState(
        seed: UInt64, definition: StreamDefinition
    ) -> (StreamIdentity, H264Packetizer, RTPTimestampClock) {
        var generator = SeededGenerator.derived(from: seed, "rtp:\(definition.streamName)")
        let identity = StreamIdentity(using: &generator)
        let packetizer = H264Packetizer(
            ssrc: identity.ssrc, initialSequenceNumber: identity.initialSequenceNumber,
            payloadType: definition.format.payloadType, maxPacketSize: definition.maxPacketSize)
        let rtpClock = RTPTimestampClock(rate: definition.format.clockRate, base: identity.timestampBase)
        return (identity, packetizer, rtpClock)
    }

    /// The stream's SPS and PPS, opening the encoder if it is not running. DESCRIBE uses them.
    public func parameterSets() -> EventLoopFuture<ParameterSets> {
        eventLoop.flatSubmit {
            if let cached = self.cachedParameterSets {
                self.scheduleIdleStopIfUnwatched()
                return self.eventLoop.makeSucceededFuture(cached)
            }
            return self.openPipeline().map { pipeline in
                self.scheduleIdleStopIfUnwatched()
                return pipeline.parameterSets
            }
        }
    }

    /// Starts sending to `viewer` from the next IDR, which is requested at once so the
    /// picture starts within a frame or two rather than a GOP. With `keyframeOnJoin`
    /// false (a fault), the viewer starts on the next access unit, whatever it is, and
    /// no IDR is requested.
    public func play(_ viewer: any StreamViewer, keyframeOnJoin: Bool = true) {
        eventLoop.execute {
            guard !self.ended else { viewer.streamDidEnd(); return }
            let key = ObjectIdentifier(viewer)
            guard self.viewers[key] == nil, self.pendingViewers[key] == nil else { return }
            self.pendingViewers[key] = viewer
            if keyframeOnJoin {
                self.idrRequested = true
            } else {
                self.joinAnywhere.insert(key)
            }
            self.idleStopTask?.cancel()
            self.idleStopTask = nil
            self.openPipeline().whenComplete { result in
                switch result {
                case .success: self.startTicking()
                case .failure: self.endPendingViewers()
                }
            }
        }
    }

    /// Stops sending to `viewer` (PAUSE, TEARDOWN, session expiry, connection closed).
    public func stop(_ viewer: any StreamViewer) {
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            if self.viewers.removeValue(forKey: key) != nil {
                self.counters.activeViewers.wrappingSubtract(1, ordering: .relaxed)
            }
            self.pendingViewers.removeValue(forKey: key)
            self.joinAnywhere.remove(key)
            self.scheduleIdleStopIfUnwatched()
        }
    }

    /// Ends the stream: every viewer is told, and the encoder is closed.
    public func end() -> EventLoopFuture<Void> {
        eventLoop.submit {
            self.ended = true
            let everyone = self.detachAllViewers()
            self.stopTicking()
            self.idleStopTask?.cancel()
            self.pipeline = nil
            for viewer in everyone { viewer.streamDidEnd() }
        }
    }

    /// Whether an encoder is open now (for tests: idle streams cost nothing).
    public func isEncoderOpen() -> EventLoopFuture<Bool> {
        eventLoop.submit { self.pipeline != nil }
    }

    /// Forgets every viewer, playing or waiting for its first IDR, and returns them.
    private func detachAllViewers() -> [any StreamViewer] {
        eventLoop.assertInEventLoop()
        let everyone = Array(viewers.values) + Array(pendingViewers.values)
        viewers.removeAll()
        pendingViewers.removeAll()
        joinAnywhere.removeAll()
        counters.activeViewers.store(0, ordering: .relaxed)
        return everyone
    }

    private func endPendingViewers() {
        let waiting = pendingViewers.values
        pendingViewers.removeAll()
        for viewer in waiting { viewer.streamDidEnd() }
    }

    // MARK: - Encoder lifecycle

    private func openPipeline() -> EventLoopFuture<EncodingPipeline> {
        eventLoop.assertInEventLoop()
        if let pipeline { return eventLoop.makeSucceededFuture(pipeline) }
        if let pipelineOpening { return pipelineOpening }
        var sized = self.definition
        let size = wantedSize()
        sized.encoder.width = size.width
        sized.encoder.height = size.height
        let definition = sized
        let opening = encodePool.runIfActive(eventLoop: eventLoop) {
            try EncodingPipeline(definition: definition)
        }
        pipelineOpening = opening
        opening.whenComplete { result in
            self.pipelineOpening = nil
            switch result {
            case .success(let pipeline):
                self.pipeline = pipeline
                self.cachedParameterSets = pipeline.parameterSets
                self.counters.encoderOpens.wrappingAdd(1, ordering: .relaxed)
                self.logger.debug("encoder opened")
            case .failure(let error):
                self.logger.error("cannot open encoder: \(error)")
            }
        }
        return opening
    }

    private var isWatched: Bool { !viewers.isEmpty || !pendingViewers.isEmpty }

    private func scheduleIdleStopIfUnwatched() {
        eventLoop.assertInEventLoop()
        guard !isWatched, !definition.alwaysOn else { return }
        stopTicking()
        idleStopTask?.cancel()
        idleStopTask = eventLoop.scheduleTask(in: .nanoseconds(definition.idleStopDelayNanoseconds)) {
            guard !self.isWatched, !self.encodeInFlight else { return }
            self.pipeline = nil
            self.idleStopTask = nil
            self.logger.debug("encoder closed: no viewers")
        }
    }

    // MARK: - Frame clock

    private func startTicking() {
        eventLoop.assertInEventLoop()
        guard tickTask == nil, !ended else { return }
        let now = clock.nanoseconds()
        if frameClock == nil {
            frameClock = StreamClock(
                frameRate: definition.encoder.frameRate,
                originNanos: now,
                wallOriginNanos: clock.wallClockNanoseconds()
            )
        } else {
            frameClock!.resume(at: now)
        }
        tick()
    }

    private func stopTicking() {
        tickTask?.cancel()
        tickTask = nil
        deferredFrame = nil
    }

    private func tick() {
        guard var frameClock, !ended else { return }
        let now = clock.nanoseconds()
        let taken = frameClock.take(at: now)
        if let frame = taken.frame {
            if taken.skipped > 0 {
                counters.framesSkipped.wrappingAdd(Int(taken.skipped), ordering: .relaxed)
            }
            if encodeInFlight {
                // A newer slot supersedes a deferred one: that one is dropped.
                if deferredFrame != nil { counters.framesSkipped.wrappingAdd(1, ordering: .relaxed) }
                deferredFrame = frame
            } else {
                submitEncode(frame: frame, clock: frameClock)
            }
        }
        self.frameClock = frameClock
        let due = frameClock.dueNanos(ofFrame: frameClock.nextFrame)
        tickTask = eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: due)) { self.tick() }
    }

    /// The picture size now: the configured one, unless a fault changes it mid-stream.
    private func wantedSize() -> (width: Int, height: Int) {
        definition.resolutionOverride?(clock.nanoseconds()) ?? (definition.encoder.width, definition.encoder.height)
    }

    private func submitEncode(frame: Int64, clock frameClock: StreamClock) {
        guard let pipeline else { return }
        let size = wantedSize()
        if size.width != pipeline.encoder.settings.width || size.height != pipeline.encoder.settings.height {
            // A new size: a new encoder, whose first frame is an IDR with the new SPS/PPS in band.
            self.pipeline = nil
            _ = openPipeline()
            return
        }
        encodeInFlight = true
        let forceIDR = idrRequested
        idrRequested = false
        let mediaNanos = frameClock.mediaNanos(ofFrame: frame)
        let wallNanos = frameClock.wallClockNanos(ofFrame: frame)
        let timestamp = rtpClock.timestamp(atNanoseconds: mediaNanos)
        let context = FrameContext(
            frameIndex: frame,
            mediaTime: Double(mediaNanos) / 1e9,
            wallClockNanos: wallNanos,
            cameraName: definition.cameraName,
            seed: seed,
            frameRate: definition.encoder.frameRate.framesPerSecond
        )
        // The encode thread packetizes into its own copy; the loop keeps the result.
        let packetizerBefore = self.packetizer
        let ssrc = packetizerBefore.ssrc
        let frozen = definition.isPictureFrozen?(clock.nanoseconds()) ?? false
        encodePool.runIfActive(eventLoop: eventLoop) { () throws -> (RTPPacketBatch?, H264Packetizer) in
            var packetizer = packetizerBefore
            let batch = try pipeline.makeAccessUnit(
                frame: frame, context: context, forceIDR: forceIDR, timestamp: timestamp,
                packetizer: &packetizer, redraw: !frozen)
            return (batch, packetizer)
        }.whenComplete { result in
            self.encodeInFlight = false
            defer { self.encodeDeferredFrame() }
            switch result {
            case .success(let (batch, packetizer)):
                // A reboot while encoding replaced the packetizer: keep the new identity.
                guard self.packetizer.ssrc == ssrc else { return }
                self.packetizer = packetizer
                if let batch, batch.packetCount > 0 {
                    self.fanOut(batch, frame: frame, captureWallClockNanos: wallNanos)
                } else if forceIDR {
                    self.idrRequested = true
                }
            case .failure(let error):
                self.idrRequested = self.idrRequested || forceIDR
                // Jobs still queued when the server stops are cancelled: not an error.
                if !self.ended { self.logger.error("encode failed: \(error)") }
            }
        }
    }

    /// Encodes the slot that came due while the last encode ran, if the stream still ticks.
    private func encodeDeferredFrame() {
        guard let frame = deferredFrame else { return }
        deferredFrame = nil
        guard let frameClock, tickTask != nil, !ended else {
            counters.framesSkipped.wrappingAdd(1, ordering: .relaxed)
            return
        }
        submitEncode(frame: frame, clock: frameClock)
    }

    // MARK: - Fan-out

    private func fanOut(_ batch: RTPPacketBatch, frame: Int64, captureWallClockNanos: Int64) {
        counters.framesEncoded.wrappingAdd(1, ordering: .relaxed)
        counters.packetsProduced.wrappingAdd(batch.packetCount, ordering: .relaxed)
        guard isWatched else { return }
        let delivery = RTPDelivery(
            packets: batch.packets,
            rtpTimestamp: batch.timestamp,
            firstSequenceNumber: batch.firstSequenceNumber,
            ssrc: packetizer.ssrc,
            isIDR: batch.containsIDR,
            payloadOctets: batch.payloadOctets,
            captureWallClockNanos: captureWallClockNanos,
            frameIndex: frame,
            format: definition.format
        )
        for (key, viewer) in pendingViewers where batch.containsIDR || joinAnywhere.contains(key) {
            viewer.streamWillStart(
                firstSequenceNumber: batch.firstSequenceNumber,
                rtpTimestamp: batch.timestamp,
                captureWallClockNanos: captureWallClockNanos
            )
            viewers[key] = viewer
            pendingViewers.removeValue(forKey: key)
            joinAnywhere.remove(key)
            counters.activeViewers.wrappingAdd(1, ordering: .relaxed)
        }
        for viewer in viewers.values {
            viewer.deliver(delivery)
        }
    }
}
