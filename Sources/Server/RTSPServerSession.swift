import Backchannel
import Cameras
import Logging
import NIOConcurrencyHelpers
import NIOCore
import RTP
import RTSP

/// One RTSP session on the server: its state machine, the stream it watches and, for
/// each track it SETUP (`trackID=0` video, `trackID=1` audio), the viewer that carries
/// that track's packets. Lives until TEARDOWN, timeout, or its connection closes; `end`
/// frees everything exactly once.
final class RTSPServerSession: @unchecked Sendable {
    enum Transport: Sendable, Equatable {
        case udp(client: SocketAddress, rtpPort: Int, rtcpPort: Int)
        case interleaved(rtp: UInt8, rtcp: UInt8)
        /// The stream's multicast group: the session shares the group's one send.
        case multicast(MulticastTransport)
    }

    /// One track the session SETUP: its transport and the viewer sending it.
    struct TrackBinding: Sendable {
        /// The track's index in the stream (`trackID=N`).
        let index: Int
        let track: any MediaTrack
        let transport: Transport
        let viewer: SessionViewer
    }

    let id: String
    let stream: CameraStream
    /// The path of the camera the stream belongs to.
    let cameraPath: String
    /// Where its start and end are announced.
    private let events: EventBus?
    /// The connection that created it: its closing ends the session.
    let ownerConnection: ObjectIdentifier
    /// The user who set the session up, when its camera asks for credentials: only they
    /// may use it. Nil for a camera without authentication.
    let user: String?
    private let ownerChannel: any Channel
    /// Whether PLAY asks for an IDR (false under the suppressed-IDR fault).
    var keyframeOnJoin = true
    /// When the session was set up, wall-clock nanoseconds since the Unix epoch.
    let startedWallClockNanos: Int64
    /// True when the owning connection is the GET half of an RTSP-over-HTTP tunnel.
    let viaHTTPTunnel: Bool
    /// True when the owning connection is RTSPS (TLS): its media is interleaved in it.
    let viaTLS: Bool
    /// The recording this session plays; nil for a live session. `stream` is then its own.
    var playback: PlaybackStream?
    private let store: any SessionDirectory
    private let clock: any MonotonicClock
    let logger: Logger
    private let lock = NIOLock()
    private var state: RTSPSessionState
    private var _bindings: [TrackBinding] = []
    private var _multicastTransport: Transport?
    private var _multicastGroup: MulticastGroup?
    private var ended = false
    private var _authorisedAt: Int64

    init(
        id: String,
        stream: CameraStream,
        ownerConnection: ObjectIdentifier,
        ownerChannel: any Channel,
        timeoutSeconds: Int,
        viaHTTPTunnel: Bool = false,
        viaTLS: Bool = false,
        store: any SessionDirectory,
        clock: any MonotonicClock,
        logger: Logger,
        user: String? = nil,
        cameraPath: String = "",
        events: EventBus? = nil
    ) {
        self.logger = logger
        self.user = user
        self.cameraPath = cameraPath
        _authorisedAt = clock.nanoseconds()
        self.id = id
        self.stream = stream
        self.events = events
        self.ownerConnection = ownerConnection
        self.ownerChannel = ownerChannel
        self.store = store
        self.clock = clock
        self.viaHTTPTunnel = viaHTTPTunnel
        self.viaTLS = viaTLS
        startedWallClockNanos = clock.wallClockNanoseconds()
        state = RTSPSessionState(timeout: .seconds(timeoutSeconds), now: clock.nanoseconds())
    }

    /// The first bound track's transport (the video's when it is bound), or the multicast group's.
    var transport: Transport? { lock.withLock { _bindings.first?.transport ?? _multicastTransport } }
    /// The first bound track's viewer (the video's when it is bound); nil for multicast.
    var viewer: SessionViewer? { lock.withLock { _bindings.first?.viewer } }
    /// Every track the session SETUP, in track order.
    var bindings: [TrackBinding] { lock.withLock { _bindings } }
    /// The session's ONVIF backchannel track, if it SETUP one.
    var backchannel: BackchannelTrack? { bindings.lazy.compactMap { $0.track as? BackchannelTrack }.first }
    /// The binding of track `index`, if SETUP.
    func binding(track index: Int) -> TrackBinding? { lock.withLock { _bindings.first { $0.index == index } } }
    /// The multicast group the session watches through; nil for a unicast session.
    var multicastGroup: MulticastGroup? { lock.withLock { _multicastGroup } }
    /// The camera's stream the session watches: its own stream for a live session, the
    /// live stream whose recording it plays for a playback session.
    var cameraStream: CameraStream { playback?.live ?? stream }

    /// Binds track `index` to `transport` and `viewer`, replacing that track's earlier
    /// binding (returned, for the caller to stop).
    @discardableResult
    func setTransport(_ transport: Transport, viewer: SessionViewer, track index: Int = 0, of track: any MediaTrack) -> TrackBinding? {
        lock.withLock {
            let old = _bindings.firstIndex { $0.index == index }.map { _bindings.remove(at: $0) }
            _bindings.append(TrackBinding(index: index, track: track, transport: transport, viewer: viewer))
            _bindings.sort { $0.index < $1.index }
            _multicastTransport = nil
            _multicastGroup = nil
            return old
        }
    }

    /// Makes the session a member of `group` (its packets are the group's): it has no
    /// viewer of its own.
    func setMulticast(_ group: MulticastGroup) {
        lock.withLock {
            _multicastTransport = .multicast(group.answer)
            _bindings = []
            _multicastGroup = group
        }
    }

    /// Runs `method` through the state machine (RFC 2326 Appendix A).
    func handle(_ method: RTSPMethod) -> Result<RTSPSessionAction, RTSPStatus> {
        let now = clock.nanoseconds()
        return lock.withLock { state.handle(method, at: now) }
    }

    /// When the session's credentials were last renewed: its SETUP, or the issue time of
    /// a newer nonce its user answered since (the re-authentication fault counts from here).
    var authorisedAt: Int64 { lock.withLock { _authorisedAt } }

    func noteAuthorised(at time: Int64) {
        lock.withLock { _authorisedAt = max(_authorisedAt, time) }
    }

    /// True while playing (RFC 2326 Appendix A.2): a transport change then takes effect at once.
    var isPlaying: Bool { lock.withLock { state.state == .playing } }

    /// Any request naming the session, or an RTCP packet from its client, keeps it alive.
    func noteActivity() {
        let now = clock.nanoseconds()
        lock.withLock { state.noteActivity(at: now) }
    }

    /// An RTCP packet from the client (UDP port or interleaved channel): it keeps the
    /// session alive when it is a report from the viewer, not our own come back
    /// (`RTCPLiveness`), and its report block about our stream becomes the session's
    /// last reception report.
    func noteReceiverReport(_ bytes: some RandomAccessCollection<UInt8>, track index: Int? = nil) {
        guard let packets = try? RTCPCompound.parse(bytes) else { return }
        let bound = bindings
        let binding = index.flatMap { index in bound.first { $0.index == index } } ?? bound.first
        let ssrc = binding?.track.identity.ssrc ?? stream.identity.ssrc
        guard RTCPLiveness(streamSSRC: ssrc).counts(packets) else { return }
        noteActivity()
        binding?.viewer.receiveReports(packets, at: clock.reading())
    }

    /// The server's address as the client reached it (the RTSP connection's local address).
    var serverAddress: String? { ownerChannel.localAddress?.ipAddress }

    /// The client's address and port on the RTSP connection.
    var clientAddress: SocketAddress? { ownerChannel.remoteAddress }

    /// Stops every bound track's viewer (PAUSE).
    func stopTracks() {
        for binding in bindings { binding.track.stop(binding.viewer) }
    }

    /// Closes the owning connection after anything the viewer queued (a BYE) has gone out.
    func closeConnectionAfterViewer() {
        let channel = ownerChannel
        guard let viewer else { return channel.close(promise: nil) }
        viewer.onLoop { channel.close(promise: nil) }
    }

    func isExpired(atNanoseconds now: Int64) -> Bool {
        lock.withLock { state.isExpired(at: now) }
    }

    var timeoutSeconds: Int { lock.withLock { state.timeoutSeconds } }

    /// Closes the RTSP connection that created the session.
    func closeConnection() {
        ownerChannel.close(promise: nil)
    }

    /// Stops the stream for this session, says BYE (unless told not to), logs what its
    /// faults did, and forgets the session. Idempotent.
    func end(reason: String?, sayGoodbye: Bool = true) {
        let (bindings, group): ([TrackBinding], MulticastGroup?) = lock.withLock {
            guard !ended else { return ([], nil) }
            ended = true
            _ = state.handle(.teardown, at: clock.nanoseconds())
            return (_bindings, _multicastGroup)
        }
        let viewer = bindings.first?.viewer
        group?.leave(self)
        // A playback session's stream is its own: it ends after the viewer has left it,
        // so the viewer is not told the camera went away.
        defer { if playback != nil { _ = stream.end() } }
        guard store.remove(self) || viewer != nil else { return }
        for binding in bindings {
            binding.track.stop(binding.viewer)
            if sayGoodbye { binding.viewer.sendGoodbye(reason: reason) }
            (binding.track as? BackchannelTrack)?.finish(session: id, logger: logger)
        }
        let backchannel = self.backchannel?.counters
        guard let viewer else { return announceEnd(totals: nil, reason: reason, backchannel: backchannel) }
        // Every track's counts, read on its loop after its last packet, count as one session.
        let (id, logger, stream) = (self.id, self.logger, self.stream.definition.streamName)
        SessionTotals.finish(bindings.map(\.viewer), on: ownerChannel.eventLoop).whenSuccess { totals in
            totals.record(session: id, key: id, stream: stream, camera: viewer.faults.camera, logger: logger)
            self.announceEnd(totals: totals, reason: reason, backchannel: backchannel)
        }
    }

    /// Publishes `session_started`: SETUP made the session.
    func announceStart() {
        events?.publish(ServerEvent(.sessionStarted, camera: cameraPath, session: id, details: [
            "stream": .string(stream.definition.streamName),
        ]))
    }

    /// Publishes `session_ended` with what the session's tracks were sent, added up
    /// (zero for a multicast session, whose packets are its group's).
    private func announceEnd(totals: SessionTotals?, reason: String?, backchannel: BackchannelCounters?) {
        guard let events else { return }
        var details: [String: ServerEvent.Detail] = ["stream": .string(stream.definition.streamName)]
        if let reason { details["reason"] = .string(reason) }
        if let backchannel {
            details["backchannel_packets_received"] = .int(backchannel.packets)
            details["backchannel_bytes_received"] = .int(backchannel.payloadBytes)
            details["backchannel_packets_lost"] = .int(backchannel.lost)
        }
        details["packets_sent"] = .int(totals?.senderPackets ?? 0)
        details["payload_bytes_sent"] = .int(totals?.senderPayloadOctets ?? 0)
        events.publish(ServerEvent(.sessionEnded, camera: cameraPath, session: id, details: details))
    }
}
