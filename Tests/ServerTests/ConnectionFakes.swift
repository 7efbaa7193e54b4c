import Cameras
import NIOConcurrencyHelpers
import NIOCore
import RTSP
@testable import Server

/// A clock that moves only when the test says so.
final class FakeClock: MonotonicClock {
    private let now = NIOLockedValueBox<Int64>(1_000_000_000)

    func nanoseconds() -> Int64 { now.withLockedValue { $0 } }
    func wallClockNanoseconds() -> Int64 { 1_700_000_000_000_000_000 + nanoseconds() }
    func deadline(forNanoseconds nanos: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(max(0, nanos))) }

    /// Sets the time to `nanos` from the clock's origin.
    func set(_ nanos: Int64) { now.withLockedValue { $0 = nanos } }

    func advance(seconds: Double) {
        now.withLockedValue { $0 += Int64(seconds * 1_000_000_000) }
    }
}

/// Sessions in a dictionary, with nothing else behind them.
final class FakeSessionDirectory: SessionDirectory {
    private let sessions = NIOLockedValueBox([String: RTSPServerSession]())
    /// Every RTCP source registered, by session id.
    let rtcpSources = NIOLockedValueBox([String: SocketAddress]())

    func add(_ session: RTSPServerSession) { sessions.withLockedValue { $0[session.id] = session } }
    func session(id: String) -> RTSPServerSession? { sessions.withLockedValue { $0[id] } }
    func register(rtcpSource: SocketAddress?, for session: RTSPServerSession) {
        rtcpSources.withLockedValue { $0[session.id] = rtcpSource }
    }
    func remove(_ session: RTSPServerSession) -> Bool {
        sessions.withLockedValue { $0.removeValue(forKey: session.id) != nil }
    }
    var all: [RTSPServerSession] { sessions.withLockedValue { Array($0.values) } }
    func hasSessions(owner: ObjectIdentifier) -> Bool { all.contains { $0.ownerConnection == owner } }
}

/// Hand-made mounts by camera path, counting how often a URL is looked up.
final class FakeCameraLookup: CameraLookup {
    private let cameras: [String: (stream: CameraStream, faults: CameraFaultState)]
    private let lookups = NIOLockedValueBox(0)

    init(_ cameras: [String: (stream: CameraStream, faults: CameraFaultState)]) { self.cameras = cameras }

    var lookupCount: Int { lookups.withLockedValue { $0 } }

    func mount(for url: RTSPURL) -> CameraRegistry.Mount? {
        lookups.withLockedValue { $0 += 1 }
        guard let path = url.pathSegments.first, let camera = cameras[path] else { return nil }
        switch url.resolvingControl(cameraPath: [path]) {
        case .aggregate:
            return CameraRegistry.Mount(stream: camera.stream, isTrack: false, faults: camera.faults, cameraPath: path)
        case .track(let index) where camera.stream.track(index) != nil:
            return CameraRegistry.Mount(
                stream: camera.stream, isTrack: true, faults: camera.faults, cameraPath: path, track: index)
        case .track, .none:
            return nil
        }
    }
}

/// A UDP pair that is never bound: SETUP announces 6970-6971, and the transports it
/// hands out only remember where they would send.
final class FakeMediaPorts: MediaPorts {
    static let pair = (rtp: 6970, rtcp: 6971)
    let destinations = NIOLockedValueBox([(rtp: SocketAddress, rtcp: SocketAddress)]())

    func serverPortPair(near eventLoop: any EventLoop) -> (rtp: Int, rtcp: Int)? { Self.pair }

    func udpTransport(
        rtpDestination: SocketAddress, rtcpDestination: SocketAddress, near eventLoop: any EventLoop
    ) -> (any MediaTransport)? {
        destinations.withLockedValue { $0.append((rtpDestination, rtcpDestination)) }
        return FakeMediaTransport(eventLoop: eventLoop)
    }
}

/// A media transport that drops what it is given.
struct FakeMediaTransport: MediaTransport {
    let eventLoop: any EventLoop
    var canAcceptMore: Bool { true }
    func writeRTP(_ packet: ByteBuffer) {}
    func writeRTCP(_ packet: ByteBuffer) {}
    func flush() {}
}
