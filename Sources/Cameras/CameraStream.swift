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
/// there. Encoding runs on the encode executor, one job per stream at a time, in the
/// stream's lane while its source is open; a cheap source's access units
/// (`MediaSource.isCheap`, a loop's) are made on `eventLoop` instead.
public final class CameraStream: @unchecked Sendable {
    public let definition: StreamDefinition
    public let eventLoop: any EventLoop
    public let counters = StreamCounters()
    /// Pictures drawn, IDRs forced and encode times.
    public let encodeStatistics = StreamEncodeStatistics()
    /// What viewers were sent and what they reported.
    public let viewerStatistics = StreamViewerStatistics()
    let identityBox: NIOLockedValueBox<StreamIdentity>
    /// The audio track sent beside the video (`trackID=1`), on the same loop and clocks;
    /// nil for a video-only stream.
    public let audio: AudioTrack?
    let encodePool: any EncodeExecutor
    let clock: any MonotonicClock
    let logger: Logger
    let seed: UInt64

    // Loop-confined state (the extensions in CameraStream+Actions and +FanOut use it).
    var machine: StreamStateMachine<ObjectIdentifier>
    var viewers: [ObjectIdentifier: any StreamViewer] = [:]
    var source: (any MediaSource)?
    /// The stream's place on the encode executor, from the source's opening to its closing.
    var encodeLane: (any EncodeLane)?
    var cachedFormatParameters: SourceFormatParameters?
    var openError: (any Error)?
    var describes: [EventLoopPromise<SourceFormatParameters>] = []
    /// Nil while an encode job holds it: the job owns the packetizer's buffer alone, so
    /// its storage is reused from one access unit to the next.
    var packetizer: PacketizerSlot?
    var rtpClock: RTPTimestampClock
    var ssrc: UInt32
    var tickTask: Scheduled<Void>?
    /// The event loop's shared ticker while the stream ticks on it instead of `tickTask`.
    var frameTicker: FrameTicker?
    var idleStopTask: Scheduled<Void>?
    /// Bumped with each scheduled tick or idle stop, so one cancelled too late does nothing.
    var tickGeneration = 0
    var idleStopGeneration = 0
    /// Set while the stream runs as fast as its viewer takes it: whether that viewer can
    /// take another access unit now. A frame slot that comes while it cannot is let pass.
    var viewerReady: (@Sendable () -> Bool)?
    /// Set for a proxy camera's stream, which relays an upstream instead of encoding:
    /// the public methods hand their work to it. Set once, in `init`.
    private(set) var relay: ProxyRelay?

    public init(
        definition: StreamDefinition,
        eventLoop: any EventLoop,
        encodePool: any EncodeExecutor,
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
        self.packetizer = PacketizerSlot(packetizer)
        self.rtpClock = rtpClock
        ssrc = identity.ssrc
        if let track = definition.audio {
            audio = AudioTrack(
                definition: track, streamName: definition.streamName, seed: seed, origin: clock.reading(),
                eventLoop: eventLoop, clock: clock, logger: logger)
        } else {
            audio = nil
        }
        machine = StreamStateMachine(
            configuration: .init(
                frameRate: definition.encoder.frameRate, size: definition.size,
                alwaysOn: definition.alwaysOn, idleStopDelayNanoseconds: definition.idleStopDelayNanoseconds,
                alignsToFrameGrid: definition.loop != nil),
            pictureFaults: definition.pictureFaults)
        if let settings = definition.proxy {
            relay = ProxyRelay(
                definition: definition, settings: settings, identity: identity, eventLoop: eventLoop,
                clock: clock, counters: counters, logger: self.logger)
            return
        }
        eventLoop.execute {
            self.audio?.mediaOrigin = { [weak self] in
                guard let self else { return nil }
                return self.machine.mediaOrigin(at: self.clock.reading())
            }
            self.apply(self.machine.start(at: clock.reading()))
        }
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
            self.packetizer = PacketizerSlot(packetizer)
            self.rtpClock = rtpClock
            self.ssrc = identity.ssrc
            self.audio?.reboot(seed: seed)
            if let relay = self.relay { return relay.reboot(identity: identity) }
            self.apply(self.machine.reboot(at: self.clock.reading()))
        }
    }

    /// The RTP identity `seed` gives the stream, and a packetizer and RTP clock that start from it.
    static func rtpState(
        seed: UInt64, definition: StreamDefinition
    ) -> (StreamIdentity, any RTPPacketizer, RTPTimestampClock) {
        var generator = SeededGenerator.derived(from: seed, "rtp:\(definition.streamName)")
        let identity = StreamIdentity(using: &generator)
        let packetizer = definition.makePacketizer(
            identity.ssrc, identity.initialSequenceNumber, definition.format.payloadType, definition.maxPacketSize)
        let rtpClock = RTPTimestampClock(rate: definition.format.clockRate, base: identity.timestampBase)
        return (identity, packetizer, rtpClock)
    }

    /// The source's SDP format parameters, opening the source if it is not running.
    /// DESCRIBE uses them. A proxy's come from its upstream's SPS and PPS.
    public func formatParameters() -> EventLoopFuture<SourceFormatParameters> {
        if let relay { return relay.parameterSets().map { SourceFormatParameters(parameterSets: $0) } }
        return eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: SourceFormatParameters.self)
            self.describes.append(promise)
            self.apply(self.machine.describe(at: self.clock.reading()))
            return promise.futureResult
        }
    }

    /// The stream's SPS and PPS (an H.264 stream's format parameters), opening the
    /// source if it is not running. Fails for a stream of another codec.
    public func parameterSets() -> EventLoopFuture<ParameterSets> {
        formatParameters().flatMapThrowing { parameters in
            guard let sets = parameters.parameterSets else { throw NotH264() }
            return sets
        }
    }

    /// `parameterSets()` of a stream whose codec is not H.264.
    public struct NotH264: Error {}

    /// Starts sending to `viewer` from the next IDR, which is requested at once so the
    /// picture starts within a frame or two rather than a GOP. With `keyframeOnJoin`
    /// false (a fault), the viewer starts on the next access unit, whatever it is, and
    /// no IDR is requested.
    public func play(_ viewer: any StreamViewer, keyframeOnJoin: Bool = true) {
        if let relay { return relay.play(viewer) }
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            if self.viewers[key] == nil { self.viewers[key] = viewer }
            self.apply(self.machine.join(key, keyframeOnJoin: keyframeOnJoin, at: self.clock.reading()))
        }
    }

    /// Stops sending to `viewer` (PAUSE, TEARDOWN, session expiry, connection closed).
    public func stop(_ viewer: any StreamViewer) {
        if let relay { return relay.stop(viewer) }
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            self.viewers.removeValue(forKey: key)
            self.apply(self.machine.leave(key, at: self.clock.reading()))
        }
    }

    /// Ends the stream: every viewer is told, and the source is closed.
    public func end() -> EventLoopFuture<Void> {
        if let relay { return relay.end() }
        return eventLoop.submit {
            self.audio?.end()
            self.apply(self.machine.end(at: self.clock.reading()))
        }
    }

    /// Paces the stream by its viewer instead of its frame rate (`viewerReady` non-nil): the
    /// frame clock ticks `speedup` times faster, and a slot is encoded only while
    /// `viewerReady` says the viewer can take more. With nil, back to the frame rate.
    /// `viewerReady` is called on the stream's event loop, so it must be safe to call there
    /// (a channel's `isWritable` is).
    public func pace(speedup: Int, viewerReady: (@Sendable () -> Bool)?) {
        eventLoop.execute {
            self.viewerReady = viewerReady
            self.machine.setSpeedup(viewerReady == nil ? 1 : speedup, at: self.clock.reading())
        }
    }

    /// Makes the next encoded frame an IDR, for whoever watches now.
    public func requestIDR() {
        eventLoop.execute { self.machine.requestIDR() }
    }

    /// Hands the stream the camera's picture faults after they changed.
    public func setPictureFaults(_ faults: PictureFaults) {
        eventLoop.execute { self.machine.pictureFaults = faults }
    }

    /// Whether a source is open now (for tests: idle streams cost nothing).
    public func isEncoderOpen() -> EventLoopFuture<Bool> {
        if let relay { return relay.isConnected() }
        return eventLoop.submit { self.source != nil }
    }

    /// A proxy stream's upstream: its state, reconnects and loss; nil for a synthetic stream.
    public var upstreamStatus: UpstreamStatus? { relay?.status }

    /// A proxy stream's upstream `a=framerate`, once described (for DESCRIBE's SDP).
    public func upstreamFrameRate() -> EventLoopFuture<Double?> {
        relay?.frameRate() ?? eventLoop.makeSucceededFuture(nil)
    }
}
