import Cameras
import Faults
import Logging
import NIOCore
import NIOPosix
import RTSP
import ServiceLifecycle

/// The camsim RTSP server: many cameras by path on one port, RTP over UDP or
/// interleaved on the RTSP connection; optionally RTSPS on a second port, its
/// connections running the same pipeline inside TLS.
///
/// Tests build it with port 0 on 127.0.0.1 and read `port`; the command line runs it
/// as a ServiceLifecycle service so SIGINT/SIGTERM end sessions cleanly.
public final class CamsimServer: Service, @unchecked Sendable {
    public let configuration: ServerConfiguration
    public let logger: Logger
    let clock: any MonotonicClock
    let group: MultiThreadedEventLoopGroup
    let encodePool: EncodeWorkers
    let registry: CameraRegistry
    let sessions: SessionStore
    /// RTSP requests and sessions counted for metrics.
    public let activity: ServerActivityCounters
    let tunnels = TunnelRegistry()
    /// What happens in the server, for the control API's event stream.
    public let events = EventBus()
    /// Who may watch, and the authenticator every connection shares.
    let authentication: ServerAuthentication
    private(set) var udpPorts: UDPMediaPorts?
    private var listener: (any Channel)?
    /// The RTSPS listener and what it presents, when RTSPS is on (`CamsimServer+TLS`).
    var tlsListener: (any Channel)?
    var tlsIdentity: TLSIdentity?
    private var sweeper: RepeatedTask?

    public init(
        configuration: ServerConfiguration,
        cameras: [CameraDefinition],
        faultCatalog: [String: FaultProfile] = [:],
        authentication: AuthenticationSetup = AuthenticationSetup(),
        clock: any MonotonicClock = SystemMonotonicClock(),
        logger: Logger = Logger(label: "camsim")
    ) {
        self.configuration = configuration
        self.authentication = ServerAuthentication(setup: authentication)
        self.logger = logger
        self.clock = clock
        let activity = ServerActivityCounters()
        self.activity = activity
        sessions = SessionStore(activity: activity)
        group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.networkThreads ?? System.coreCount)
        encodePool = EncodeWorkers(numberOfThreads: configuration.encodeThreads ?? System.coreCount)
        encodePool.start()
        registry = CameraRegistry(
            eventLoops: group, encodePool: encodePool, clock: clock, faultCatalog: faultCatalog,
            multicast: configuration.multicast, cname: "camsim@\(Self.urlHost(configuration))", logger: logger)
        for camera in cameras { registry.add(camera) }
    }

    /// Binds the RTSP listener and an RTP/RTCP pair per event loop.
    public func start() async throws {
        try checkMulticastInterface()
        let logger = self.logger
        let ports = try await UDPMediaPorts.bind(
            host: configuration.bindHost, range: configuration.rtpPortRange,
            loops: Array(group.makeIterator()), logger: logger,
            onRTP: { [weak self] source, datagram in self?.receiveRTP(from: source, datagram) }
        ) { [weak self] source, datagram in
            // Weak: the ports' sockets keep this closure for every rebind, and the server owns the ports.
            self?.receiveRTCP(from: source, datagram)
        }
        udpPorts = ports
        let admission = ConnectionAdmission(maximumPerAddress: configuration.maximumConnectionsPerAddress)
        listener = try await bindRTSPListener(port: configuration.port, admission: admission)
        try await startTLSListener(admission: admission)
        sweeper = group.next().scheduleRepeatedTask(initialDelay: .milliseconds(250), delay: .milliseconds(250)) { _ in
            self.expireIdleSessions()
            self.rebootCamerasDue()
        }
        logger.info("listening", metadata: ["port": "\(port)", "rtp": "\(ports.description)"])
    }

    /// `Server` header and SDP tool name.
    public static let productToken = "camsim/0.1"

    /// The bound RTSP port.
    public var port: Int { listener?.localAddress?.port ?? configuration.port }

    /// The host printed in URLs: the bind address, or a reachable name for a wildcard bind.
    public var urlHost: String { Self.urlHost(configuration) }

    private static func urlHost(_ configuration: ServerConfiguration) -> String {
        if let advertised = configuration.advertisedHost { return advertised }
        switch configuration.bindHost {
        case "0.0.0.0", "::", "": return "127.0.0.1"
        default: return configuration.bindHost.contains(":") ? "[\(configuration.bindHost)]" : configuration.bindHost
        }
    }

    /// `rtsp://host:port/path` of each camera, main camera first.
    public var cameraURLs: [String] {
        registry.cameraPaths.map { url(forPath: $0) }
    }

    public func url(forPath path: String) -> String {
        "rtsp://\(urlHost):\(port)/\(path)"
    }

    /// The stream at `path` (`bars`, `bars/sub`), for tests and the control plane.
    public func stream(atPath path: String) -> CameraStream? {
        RTSPURL(parsing: "/" + path).flatMap { registry.resolve($0)?.stream }
    }

    /// Adds a camera while running.
    public func addCamera(_ camera: CameraDefinition) {
        registry.add(camera)
        logger.info("camera added", metadata: ["url": "\(url(forPath: camera.path))"])
        events.publish(ServerEvent(.cameraAdded, camera: camera.path))
    }

    /// Removes a camera while running: its viewers get an RTCP BYE, their sessions
    /// end and their connections close.
    public func removeCamera(path: String) async {
        let (streams, groups) = registry.remove(path: path)
        for stream in streams {
            try? await stream.end().get()
        }
        for group in groups { await group.close() }
        logger.info("camera removed", metadata: ["path": "\(path)"])
        events.publish(ServerEvent(.cameraRemoved, camera: path))
    }

    /// Live RTSP sessions.
    public var sessionCount: Int { sessions.count }

    /// Ends every session (RTCP BYE) and stream, then closes sockets and threads.
    public func shutdown() async {
        sweeper?.cancel()
        for session in sessions.all { session.end(reason: "server shutting down") }
        for stream in registry.allStreams { try? await stream.end().get() }
        for group in registry.allGroups { await group.close() }
        try? await listener?.close()
        try? await tlsListener?.close()
        await udpPorts?.close()
        try? await encodePool.shutdownGracefully()
        try? await group.shutdownGracefully()
    }

    /// ServiceLifecycle: serve until a graceful shutdown is requested.
    public func run() async throws {
        if listener == nil { try await start() }
        try? await gracefulShutdown()
        await shutdown()
    }

    /// The reboot fault: the camera drops every session and connection without a
    /// goodbye, refuses connections while down, and comes back with a new SSRC,
    /// sequence and timestamp base.
    private func rebootCamerasDue() {
        let now = clock.nanoseconds()
        for camera in registry.takeRebootsDue(at: now) {
            logger.info("fault: camera rebooting", metadata: ["camera": "\(camera.definition.path)"])
            reboot(camera, seed: camera.faults.control.identitySeed(base: camera.faults.seed, at: now))
        }
    }

    /// Drops the camera's sessions and connections without a goodbye and gives its
    /// streams the identity `seed` makes.
    func reboot(_ camera: CameraRegistry.Camera, seed: UInt64) {
        dropSessions(of: camera)
        for stream in camera.streams { _ = stream.reboot(seed: seed) }
        events.publish(ServerEvent(.cameraRebooted, camera: camera.definition.path))
    }

    /// Ends the camera's sessions without a goodbye and closes their connections, as a
    /// camera that loses power does.
    func dropSessions(of camera: CameraRegistry.Camera) {
        for session in sessions.all where camera.streams.contains(where: { $0 === session.stream }) {
            session.end(reason: nil, sayGoodbye: false)
            session.closeConnection()
        }
    }

    private func expireIdleSessions() {
        let now = clock.nanoseconds()
        for session in sessions.all where session.isExpired(atNanoseconds: now) {
            logger.info("session expired", metadata: ["session": "\(session.id)"])
            activity.sessionsTimedOut.wrappingAdd(1, ordering: .relaxed)
            session.end(reason: "session timeout")
        }
    }
}

extension CamsimServer {
    /// New users and authentication defaults (a reload). Sessions keep running; their
    /// users must still exist and may still watch their camera for requests to go on.
    public func setAuthentication(_ setup: AuthenticationSetup) {
        authentication.update(setup)
    }
}
