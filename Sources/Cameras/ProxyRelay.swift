import H264
import Logging
import NIOConcurrencyHelpers
import NIOCore
import RTP

/// A proxy camera's stream: one upstream session, shared by every viewer. Upstream
/// access units are packetized once under the stream's own RTP identity and fanned out
/// like a synthetic stream's, so each viewer keeps its own faults, RTCP and header
/// rewrites (`SessionViewer`). A joining viewer starts at once from the cached GOP.
///
/// The connection decisions are `UpstreamLink`'s; this class carries them out. All
/// state lives on `eventLoop`; `CameraStream` forwards its public calls here.
final class ProxyRelay: @unchecked Sendable {
    let settings: ProxySettings
    let eventLoop: any EventLoop
    let clock: any MonotonicClock
    let logger: Logger
    let counters: StreamCounters
    let format: RTPPayloadFormat
    let maxPacketSize: Int
    let statusBox: NIOLockedValueBox<UpstreamStatus>

    // Loop-confined state (the extensions use it).
    var link: UpstreamLink
    var viewers: [ObjectIdentifier: any StreamViewer] = [:]
    var roster = ViewerRoster<ObjectIdentifier>()
    var describes: [EventLoopPromise<ParameterSets>] = []
    var session: (any UpstreamSession)?
    /// Bumped with each upstream session, so events of a closed one are ignored.
    var sessionGeneration = 0
    var description: UpstreamDescription?
    var knownParameterSets: ParameterSets?
    var gopCache: GOPCache<RTPDelivery>?
    var packetizer: H264Packetizer
    var timeline: ProxyTimeline
    var ssrc: UInt32
    /// Units are let pass until an IDR: after a (re)connect or a unit lost upstream.
    var awaitingIDR = true
    var frameIndex: Int64 = 0
    var timers: [TimerKind: Scheduled<Void>] = [:]
    var timerGenerations: [TimerKind: Int] = [:]

    enum TimerKind: Hashable {
        case retry, idleStop, outage, describeTimeout, inBandWait
    }

    init(definition: StreamDefinition, settings: ProxySettings, identity: StreamIdentity, eventLoop: any EventLoop,
         clock: any MonotonicClock, counters: StreamCounters, logger: Logger) {
        self.settings = settings
        self.eventLoop = eventLoop
        self.clock = clock
        self.counters = counters
        self.logger = logger
        format = definition.format
        maxPacketSize = definition.maxPacketSize
        link = UpstreamLink(
            configuration: .init(
                alwaysOn: definition.alwaysOn, idleStopDelayNanoseconds: definition.idleStopDelayNanoseconds,
                outageNanoseconds: settings.outageNanoseconds),
            backoff: ReconnectBackoff(
                initialNanoseconds: settings.reconnectInitialNanoseconds,
                maximumNanoseconds: max(settings.reconnectInitialNanoseconds, settings.reconnectMaximumNanoseconds)))
        gopCache = settings.gopCacheBytes.map { GOPCache(byteLimit: $0) }
        packetizer = H264Packetizer(
            ssrc: identity.ssrc, initialSequenceNumber: identity.initialSequenceNumber,
            payloadType: definition.format.payloadType, maxPacketSize: definition.maxPacketSize)
        timeline = ProxyTimeline(base: identity.timestampBase, clockRate: Int(definition.format.clockRate))
        ssrc = identity.ssrc
        statusBox = NIOLockedValueBox(UpstreamStatus(
            state: "idle", reconnects: 0, failures: 0, lossPercent: 0, url: settings.upstream.displayURL))
        eventLoop.execute { self.apply(self.link.start(at: clock.nanoseconds())) }
    }

    var status: UpstreamStatus { statusBox.withLockedValue { $0 } }

    // MARK: - What CameraStream forwards (any thread)

    func parameterSets() -> EventLoopFuture<ParameterSets> {
        eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: ParameterSets.self)
            self.describes.append(promise)
            self.apply(self.link.describe(at: self.clock.nanoseconds()))
            return promise.futureResult
        }
    }

    /// The upstream's `a=framerate`, once described.
    func frameRate() -> EventLoopFuture<Double?> {
        eventLoop.submit { self.description?.frameRate }
    }

    func play(_ viewer: any StreamViewer) {
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            guard !self.roster.contains(key) else { return }
            self.viewers[key] = viewer
            _ = self.roster.join(key, waitsForIDR: true)
            self.startFromCache(key, viewer)
            self.apply(self.link.watchersChanged(watched: true, at: self.clock.nanoseconds()))
        }
    }

    func stop(_ viewer: any StreamViewer) {
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            self.viewers.removeValue(forKey: key)
            self.roster.leave(key)
            self.viewerCountChanged()
            if self.roster.isEmpty {
                self.apply(self.link.watchersChanged(watched: false, at: self.clock.nanoseconds()))
            }
        }
    }

    func end() -> EventLoopFuture<Void> {
        eventLoop.submit {
            self.apply(self.link.end())
            for key in self.roster.removeAll() { self.viewers.removeValue(forKey: key)?.streamDidEnd() }
            self.viewerCountChanged()
            for kind in Array(self.timers.keys) { self.cancel(kind) }
        }
    }

    /// A new RTP identity; every viewer is dropped without a goodbye (the reboot fault).
    func reboot(identity: StreamIdentity) {
        eventLoop.execute {
            self.packetizer = H264Packetizer(
                ssrc: identity.ssrc, initialSequenceNumber: identity.initialSequenceNumber,
                payloadType: self.format.payloadType, maxPacketSize: self.maxPacketSize)
            self.timeline = ProxyTimeline(base: identity.timestampBase, clockRate: Int(self.format.clockRate))
            self.ssrc = identity.ssrc
            self.gopCache?.clear()
            self.awaitingIDR = true
            for key in self.roster.removeAll() { self.viewers.removeValue(forKey: key)?.streamWasDropped() }
            self.viewerCountChanged()
            self.apply(self.link.watchersChanged(watched: false, at: self.clock.nanoseconds()))
        }
    }

    func isConnected() -> EventLoopFuture<Bool> {
        eventLoop.submit { self.session != nil }
    }

    func viewerCountChanged() {
        counters.activeViewers.store(roster.active.count, ordering: .relaxed)
    }
}
