import Cameras
import Faults
import Logging
import NIOCore
import NIOEmbedded
import NIOPosix
@testable import Server

/// `RTSPConnection`s driven through `EmbeddedChannel`s against fakes: no
/// `CamsimServer`, no sockets, and a clock the test advances. The cameras' streams
/// exist but are never encoded here.
final class FakeRTSPServer {
    let clock = FakeClock()
    let sessions = FakeSessionDirectory()
    let cameras: FakeCameraLookup
    let ports = FakeMediaPorts()
    private(set) var environment: ConnectionEnvironment
    private let streamLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let encodePool = NIOThreadPool(numberOfThreads: 1)
    /// The faults of each camera, by path.
    let faults: [String: CameraFaultState]

    static let sessionTimeoutSeconds = 30

    /// Cameras at `paths`; `cameraFaults` is every camera's own fault profile.
    /// Connection timeouts are off unless `timeouts` turns them on.
    init(
        paths: [String] = ["cam", "other"], audioPaths: Set<String> = [], cameraFaults: FaultProfile = .empty, seed: UInt64 = 7,
        timeouts: ConnectionTimeouts = ConnectionTimeouts(headerSeconds: 0, idleSeconds: 0),
        authentication: AuthenticationSetup = AuthenticationSetup()
    ) {
        var mounts: [String: (stream: CameraStream, faults: CameraFaultState)] = [:]
        var faults: [String: CameraFaultState] = [:]
        for path in paths {
            let definition = EmbeddedRTSP.camera(path, audio: audioPaths.contains(path)).streams[0]
            let stream = CameraStream(
                definition: definition, eventLoop: streamLoops.next(), encodePool: encodePool, clock: clock)
            let state = CameraFaultState(profile: cameraFaults, catalog: [:], seed: seed, origin: clock.nanoseconds())
            mounts[path] = (stream, state)
            faults[path] = state
        }
        self.faults = faults
        cameras = FakeCameraLookup(mounts)
        environment = ConnectionEnvironment(
            clock: clock, sessions: sessions, cameras: cameras, mediaPorts: ports, tunnels: TunnelRegistry(),
            settings: ConnectionSettings(
                sessionTimeoutSeconds: Self.sessionTimeoutSeconds, urlHost: "camsim.test", timeouts: timeouts),
            logger: Logger(label: "camsim.test"))
        environment.authentication = ServerAuthentication(setup: authentication)
    }

    /// A new client connection from 127.0.0.1:`port`; `isTLS` as if on the RTSPS listener.
    func connect(fromPort port: Int = 5554, isTLS: Bool = false) throws -> FakeRTSPClient {
        try FakeRTSPClient(environment: environment, port: port, isTLS: isTLS)
    }

    /// Stops the cameras' event loop. Tests stay synchronous, so every embedded
    /// channel is used on the thread that made it.
    func shutdown() {
        try? streamLoops.syncShutdownGracefully()
    }
}

/// One connection of a `FakeRTSPServer`: request text in, parsed responses out.
final class FakeRTSPClient {
    let channel = EmbeddedChannel()
    let connection: RTSPConnection

    init(environment: ConnectionEnvironment, port: Int, isTLS: Bool = false) throws {
        connection = RTSPConnection(channel: channel, environment: environment, isTLS: isTLS)
        try channel.pipeline.syncOperations.addHandler(RTSPConnectionHandler(connection: connection))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: port)).wait()
    }

    /// Sends `text` and returns every RTSP response written so far.
    func send(_ text: String) throws -> [EmbeddedRTSP.Response] {
        try channel.writeInbound(ByteBuffer(string: text))
        channel.embeddedEventLoop.run()
        return try responses()
    }

    /// Responses written since the last call, without sending anything.
    func responses() throws -> [EmbeddedRTSP.Response] {
        var responses: [EmbeddedRTSP.Response] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            if let response = EmbeddedRTSP.Response(String(buffer: buffer)) { responses.append(response) }
        }
        return responses
    }

    /// The one answer to `text`; fails the test when there is not exactly one.
    func answer(_ text: String) throws -> EmbeddedRTSP.Response {
        let responses = try send(text)
        guard responses.count == 1, let response = responses.first else {
            throw FakeRTSPError.unexpectedAnswers(responses.map(\.status))
        }
        return response
    }

    /// SETUP of `url`'s track over TCP interleaved; returns the session id.
    func setUp(_ url: String, channels: String = "0-1", cseq: Int = 1) throws -> String {
        let reply = try answer(
            "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: \(cseq)\r\nTransport: RTP/AVP/TCP;unicast;interleaved=\(channels)\r\n\r\n")
        guard reply.status == 200, let header = reply.headers["session"],
              let id = header.split(separator: ";").first.map(String.init)
        else { throw FakeRTSPError.setupFailed(reply.status) }
        return id
    }

    func close() {
        _ = try? channel.finish()
    }
}

enum FakeRTSPError: Error {
    case unexpectedAnswers([Int])
    case setupFailed(Int)
}
