import Cameras
import Logging
import NIOConcurrencyHelpers
import NIOCore
import RTSP

/// One RTSP session on the server: its state machine, the stream it watches and the
/// viewer that carries its packets. Lives until TEARDOWN, timeout, or its connection
/// closes; `end` frees everything exactly once.
final class RTSPServerSession: @unchecked Sendable {
    enum Transport: Sendable, Equatable {
        case udp(client: SocketAddress, rtpPort: Int, rtcpPort: Int)
        case interleaved(rtp: UInt8, rtcp: UInt8)
        /// The stream's multicast group: the session shares the group's one send.
        case multicast(MulticastTransport)
    }

    let id: String
    let stream: CameraStream
    /// The connection that created it: its closing ends the session.
    let ownerConnection: ObjectIdentifier
    private let ownerChannel: any Channel
    /// Whether PLAY asks for an IDR (false under the suppressed-IDR fault).
    var keyframeOnJoin = true
    /// The recording this session plays; nil for a live session. `stream` is then its own.
    var playback: PlaybackStream?
    private let store: any SessionDirectory
    private let clock: any MonotonicClock
    let logger: Logger
    private let lock = NIOLock()
    private var state: RTSPSessionState
    private var _transport: Transport?
    private var _viewer: SessionViewer?
    private var _multicastGroup: MulticastGroup?
    private var ended = false

    init(
        id: String,
        stream: CameraStream,
        ownerConnection: ObjectIdentifier,
        ownerChannel: any Channel,
        timeoutSeconds: Int,
        store: any SessionDirectory,
        clock: any MonotonicClock,
        logger: Logger
    ) {
        self.logger = logger
        self.id = id
        self.stream = stream
        self.ownerConnection = ownerConnection
        self.ownerChannel = ownerChannel
        self.store = store
        self.clock = clock
        state = RTSPSessionState(timeout: .seconds(timeoutSeconds), now: clock.nanoseconds())
    }

    var transport: Transport? { lock.withLock { _transport } }
    var viewer: SessionViewer? { lock.withLock { _viewer } }
    /// The multicast group the session watches through; nil for a unicast session.
    var multicastGroup: MulticastGroup? { lock.withLock { _multicastGroup } }

    func setTransport(_ transport: Transport, viewer: SessionViewer) {
        lock.withLock {
            _transport = transport
            _viewer = viewer
            _multicastGroup = nil
        }
    }

    /// Makes the session a member of `group` (its packets are the group's): it has no
    /// viewer of its own.
    func setMulticast(_ group: MulticastGroup) {
        lock.withLock {
            _transport = .multicast(group.answer)
            _viewer = nil
            _multicastGroup = group
        }
    }

    /// Runs `method` through the state machine (RFC 2326 Appendix A).
    func handle(_ method: RTSPMethod) -> Result<RTSPSessionAction, RTSPStatus> {
        let now = clock.nanoseconds()
        return lock.withLock { state.handle(method, at: now) }
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
    /// (`RTCPLiveness`).
    func noteReceiverReport(_ bytes: some RandomAccessCollection<UInt8>) {
        if RTCPLiveness(streamSSRC: stream.identity.ssrc).counts(bytes) { noteActivity() }
    }

    /// The server's address as the client reached it (the RTSP connection's local address).
    var serverAddress: String? { ownerChannel.localAddress?.ipAddress }

    /// The client's address (the RTSP connection's remote address).
    var clientAddress: String? { ownerChannel.remoteAddress?.ipAddress }

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
        let (viewer, group): (SessionViewer?, MulticastGroup?) = lock.withLock {
            guard !ended else { return (nil, nil) }
            ended = true
            _ = state.handle(.teardown, at: clock.nanoseconds())
            return (_viewer, _multicastGroup)
        }
        group?.leave(self)
        // A playback session's stream is its own: it ends after the viewer has left it,
        // so the viewer is not told the camera went away.
        defer { if playback != nil { _ = stream.end() } }
        guard store.remove(self) || viewer != nil else { return }
        if let viewer {
            stream.stop(viewer)
            if sayGoodbye { viewer.sendGoodbye(reason: reason) }
            viewer.finishFaults(session: id, logger: logger)
        }
    }
}
