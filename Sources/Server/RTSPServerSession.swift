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
    }

    let id: String
    let stream: CameraStream
    /// The connection that created it: its closing ends the session.
    let ownerConnection: ObjectIdentifier
    /// The user who set the session up, when its camera asks for credentials: only they
    /// may use it. Nil for a camera without authentication.
    let user: String?
    /// The path of the camera the session watches.
    let cameraPath: String
    private let ownerChannel: any Channel
    /// Whether PLAY asks for an IDR (false under the suppressed-IDR fault).
    var keyframeOnJoin = true
    private let store: any SessionDirectory
    private let clock: any MonotonicClock
    let logger: Logger
    private let lock = NIOLock()
    private var state: RTSPSessionState
    private var _transport: Transport?
    private var _viewer: SessionViewer?
    private var ended = false
    private var _authorisedAt: Int64

    init(
        id: String,
        stream: CameraStream,
        ownerConnection: ObjectIdentifier,
        ownerChannel: any Channel,
        timeoutSeconds: Int,
        store: any SessionDirectory,
        clock: any MonotonicClock,
        logger: Logger,
        user: String? = nil,
        cameraPath: String = ""
    ) {
        self.logger = logger
        self.user = user
        self.cameraPath = cameraPath
        _authorisedAt = clock.nanoseconds()
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

    func setTransport(_ transport: Transport, viewer: SessionViewer) {
        lock.withLock {
            _transport = transport
            _viewer = viewer
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
    /// (`RTCPLiveness`).
    func noteReceiverReport(_ bytes: some RandomAccessCollection<UInt8>) {
        if RTCPLiveness(streamSSRC: stream.identity.ssrc).counts(bytes) { noteActivity() }
    }

    /// The server's address as the client reached it (the RTSP connection's local address).
    var serverAddress: String? { ownerChannel.localAddress?.ipAddress }

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
        let viewer: SessionViewer? = lock.withLock {
            guard !ended else { return nil }
            ended = true
            _ = state.handle(.teardown, at: clock.nanoseconds())
            return _viewer
        }
        guard store.remove(self) || viewer != nil else { return }
        if let viewer {
            stream.stop(viewer)
            if sayGoodbye { viewer.sendGoodbye(reason: reason) }
            viewer.finishFaults(session: id, logger: logger)
        }
    }
}
