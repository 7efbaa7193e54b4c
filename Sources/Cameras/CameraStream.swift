import Frames
import H264
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RTP
import Randomness

/// One stream of one camera: a frame clock, one media source and one packetizer, and the
/// viewers it fans packets out to. However many watch, each frame is rendered, encoded
/// and packetized once.
///
/// The decisions are `StreamStateMachine`'s; this class carries its actions out. All
/// mutable state lives on `eventLoop`; public methods may be called from anywhere and hop
/// there. Encoding runs on the shared encode pool, one job per stream at a time.
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
    private var machine: StreamStateMachine<ObjectIdentifier>
    private var viewers: [ObjectIdentifier: any StreamViewer] = [:]
    private var source: (any MediaSource)?
    private var cachedParameterSets: ParameterSets?
    private var openError: (any Error)?
    private var describes: [EventLoopPromise<ParameterSets>] = []
    /// Nil while an encode job holds it: the job owns the packetizer's buffer alone, so
    /// its storage is reused from one access unit to the next.
    private var packetizer: H264Packetizer?
    private var rtpClock: RTPTimestampClock
    private var ssrc: UInt32
    private var tickTask: Scheduled<Void>?
    private var idleStopTask: Scheduled<Void>?
    /// Bumped with each scheduled tick or idle stop, so one cancelled too late does nothing.
    private var tickGeneration = 0
    private var idleStopGeneration = 0

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
        ssrc = identity.ssrc
        machine = StreamStateMachine(
            configuration: .init(
                frameRate: definition.encoder.frameRate, size: definition.size,
                alwaysOn: definition.alwaysOn, idleStopDelayNanoseconds: definition.idleStopDelayNanoseconds),
            pictureFaults: definition.pictureFaults)
        eventLoop.execute { self.apply(self.machine.start(at: clock.reading())) }
    }

    // MARK: - Public interface

    /// The stream's SSRC and sequence/timestamp bases now.
    public var identity: StreamIdentity { identityBox.withLockedValue { $0 } }

    /// Comes back as if the camera had rebooted: every viewer is dropped without a
    /// goodbye and the stream gets a new SSRC, sequence and timestamp base from `seed`.
    public func reboot(seed: UInt64) -> EventLoopFuture<Void> {
        eventLoop.submit {
            let (identity, packetizer, rtpClock) = Self.rtpState(seed: seed, definition: self.definition)
            self.identityBox.withLockedValue { $0 = identity }
            self.packetizer = packetizer
            self.rtpClock = rtpClock
            self.ssrc = identity.ssrc
            self.apply(self.machine.reboot(at: self.clock.reading()))
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

    /// The stream's SPS and PPS, opening the source if it is not running. DESCRIBE uses them.
    public func parameterSets() -> EventLoopFuture<ParameterSets> {
        eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: ParameterSets.self)
            self.describes.append(promise)
            self.apply(self.machine.describe(at: self.clock.reading()))
            return promise.futureResult
        }
    }

    /// Starts sending to `viewer` from the next IDR, which is requested at once so the
    /// picture starts within a frame or two rather than a GOP. With `keyframeOnJoin`
    /// false (a fault), the viewer starts on the next access unit, whatever it is, and
    /// no IDR is requested.
    public func play(_ viewer: any StreamViewer, keyframeOnJoin: Bool = true) {
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            if self.viewers[key] == nil { self.viewers[key] = viewer }
            self.apply(self.machine.join(key, keyframeOnJoin: keyframeOnJoin, at: self.clock.reading()))
        }
    }

    /// Stops sending to `viewer` (PAUSE, TEARDOWN, session expiry, connection closed).
    public func stop(_ viewer: any StreamViewer) {
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            self.viewers.removeValue(forKey: key)
            self.apply(self.machine.leave(key, at: self.clock.reading()))
        }
    }

    /// Ends the stream: every viewer is told, and the source is closed.
    public func end() -> EventLoopFuture<Void> {
        eventLoop.submit { self.apply(self.machine.end(at: self.clock.reading())) }
    }

    /// Hands the stream the camera's picture faults after they changed.
    public func setPictureFaults(_ faults: PictureFaults) {
        eventLoop.execute { self.machine.pictureFaults = faults }
    }

    /// Whether a source is open now (for tests: idle streams cost nothing).
    public func isEncoderOpen() -> EventLoopFuture<Bool> {
        eventLoop.submit { self.source != nil }
    }

    // MARK: - Carrying out actions

    private typealias Action = StreamStateMachine<ObjectIdentifier>.Action

    private typealias EncodeRequest = StreamStateMachine<ObjectIdentifier>.EncodeRequest

    /// Carries out `actions` in order. `finished` is the access unit an `encodeFinished`
    /// event reported, and the request it answered.
    private func apply(_ actions: [Action], finished: (batch: RTPPacketBatch, request: EncodeRequest)? = nil) {
        eventLoop.assertInEventLoop()
        for action in actions {
            switch action {
            case .openSource(let size): openSource(size: size)
            case .closeSource:
                source?.close()
                source = nil
                logger.debug("encoder closed")
            case .encode(let request): submit(request)
            case .scheduleTick(let due):
                tickTask?.cancel()
                tickGeneration &+= 1
                let generation = tickGeneration
                tickTask = eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: due)) {
                    guard generation == self.tickGeneration else { return }
                    self.apply(self.machine.tickFired(at: self.clock.reading()))
                }
            case .cancelTick:
                tickTask?.cancel()
                tickTask = nil
                tickGeneration &+= 1
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
                if let cachedParameterSets {
                    for promise in waiting { promise.succeed(cachedParameterSets) }
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

    private func openSource(size: PictureSize) {
        var sized = definition
        sized.encoder.width = size.width
        sized.encoder.height = size.height
        let definition = sized
        encodePool.runIfActive(eventLoop: eventLoop) {
            try definition.openMediaSource(definition)
        }.whenComplete { result in
            switch result {
            case .success(let source):
                self.source = source
                self.cachedParameterSets = source.parameterSets
                self.counters.encoderOpens.wrappingAdd(1, ordering: .relaxed)
                self.logger.debug("encoder opened", metadata: ["size": "\(size)"])
                self.apply(self.machine.sourceOpened(size: size, at: self.clock.reading()))
            case .failure(let error):
                self.logger.error("cannot open encoder: \(error)")
                self.openError = error
                self.apply(self.machine.sourceFailed(at: self.clock.reading()))
            }
        }
    }

    private func submit(_ request: EncodeRequest) {
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
        // If the pool drops the job, the packetizer goes with it; this one continues its numbering.
        let replacement = H264Packetizer(
            ssrc: packetizer.ssrc, initialSequenceNumber: packetizer.nextSequenceNumber,
            payloadType: packetizer.payloadType, maxPacketSize: packetizer.maxPacketSize)
        encodePool.runIfActive(eventLoop: eventLoop) { () -> (Result<RTPPacketBatch?, any Error>, H264Packetizer) in
            var packetizer = packetizer
            let result = Result { try source.makeAccessUnit(unit, packetizer: &packetizer) }
            return (result, packetizer)
        }.whenComplete { completion in
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

    // MARK: - Fan-out

    private func fanOut(_ batch: RTPPacketBatch, of request: EncodeRequest, starting: [ObjectIdentifier]) {
        counters.framesEncoded.wrappingAdd(1, ordering: .relaxed)
        counters.packetsProduced.wrappingAdd(batch.packetCount, ordering: .relaxed)
        let active = machine.roster.active
        guard !active.isEmpty else { return }
        let captureWallClockNanos = request.wallClockNanos
        for key in starting {
            viewers[key]?.streamWillStart(
                firstSequenceNumber: batch.firstSequenceNumber,
                rtpTimestamp: batch.timestamp,
                captureWallClockNanos: captureWallClockNanos
            )
        }
        let delivery = RTPDelivery(
            packets: batch.packets,
            rtpTimestamp: batch.timestamp,
            firstSequenceNumber: batch.firstSequenceNumber,
            ssrc: ssrc,
            isIDR: batch.containsIDR,
            payloadOctets: batch.payloadOctets,
            captureWallClockNanos: captureWallClockNanos,
            frameIndex: request.frame,
            format: definition.format
        )
        for key in active {
            viewers[key]?.deliver(delivery)
        }
    }
}
