import Cameras
import Faults
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RTSP

/// The mount points: which stream a URL path names. Cameras can be added and removed
/// while the server runs (hot reload).
///
/// A camera at `bars` with streams `main` and `sub` answers at `bars` (its first
/// stream), `bars/main` and `bars/sub`; a track control URL adds `trackID=0`
/// (or `stream=0`) to any of them.
final class CameraRegistry: Sendable {
    struct Mount {
        let stream: CameraStream
        /// True when the URL names the track rather than the aggregate.
        let isTrack: Bool
        /// The faults of the camera the stream belongs to.
        let faults: CameraFaultState
        /// The camera's path.
        let cameraPath: String
        /// The camera's own `auth:`; what it leaves out comes from the server's.
        var authentication = CameraAuthentication()
    }

    struct Camera {
        let definition: CameraDefinition
        let streams: [CameraStream]
        let faults: CameraFaultState
    }

    fileprivate struct State {
        var cameras: [Camera] = []
        var streamsByPath: [String: (stream: CameraStream, camera: Int)] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let eventLoops: any EventLoopGroup
    private let encodePool: NIOThreadPool
    private let clock: any MonotonicClock
    /// Named fault profiles from the configuration, for `profile=` and schedules.
    let faultCatalog: [String: FaultProfile]

    init(
        eventLoops: any EventLoopGroup, encodePool: NIOThreadPool, clock: any MonotonicClock,
        faultCatalog: [String: FaultProfile]
    ) {
        self.eventLoops = eventLoops
        self.encodePool = encodePool
        self.clock = clock
        self.faultCatalog = faultCatalog
    }

    /// Creates the camera's streams and mounts them. Idle until someone watches.
    func add(_ camera: CameraDefinition) {
        let faults = CameraFaultState(
            profile: camera.faults, catalog: faultCatalog,
            seed: camera.streams[0].seed ?? UInt64(truncatingIfNeeded: camera.path.hashValue),
            origin: clock.nanoseconds())
        let streams = camera.streams.map { definition in
            var definition = definition
            // Camera-level media faults the encoder side applies: a frozen picture, a
            // resolution change, a long GOP, a declared frame rate in the SPS.
            definition.pictureFaults = PictureFaults(camera.faults.media, origin: faults.origin)
            definition.shapeEncoder(
                gop: camera.faults.media.gopOverride,
                declaredFramesPerSecond: camera.faults.media.declaredFrameRate)
            return CameraStream(definition: definition, eventLoop: eventLoops.next(), encodePool: encodePool, clock: clock)
        }
        state.withLockedValue { state in
            state.cameras.append(Camera(definition: camera, streams: streams, faults: faults))
            state.reindex()
        }
    }

    /// Unmounts the camera at `path` and returns its streams (for the caller to end).
    func remove(path: String) -> [CameraStream] {
        state.withLockedValue { state in
            guard let index = state.cameras.firstIndex(where: { $0.definition.path == path }) else { return [] }
            let removed = state.cameras.remove(at: index)
            state.reindex()
            return removed.streams
        }
    }

    /// The stream a URL names and whether it names the track, or nil (404). The
    /// longest registered path prefix wins, so `bars/sub` beats `bars`.
    func resolve(_ url: RTSPURL) -> Mount? {
        let segments = url.pathSegments
        let (streamsByPath, cameras) = state.withLockedValue { ($0.streamsByPath, $0.cameras) }
        for length in stride(from: segments.count, through: 1, by: -1) {
            let prefix = segments.prefix(length)
            guard let entry = streamsByPath[prefix.joined(separator: "/")] else { continue }
            let camera = cameras[entry.camera]
            func mount(isTrack: Bool) -> Mount {
                Mount(stream: entry.stream, isTrack: isTrack,
                      faults: camera.faults, cameraPath: camera.definition.path,
                      authentication: camera.definition.authentication)
            }
            switch url.resolvingControl(cameraPath: Array(prefix)) {
            case .aggregate: return mount(isTrack: false)
            case .track(0): return mount(isTrack: true)
            case .track, .none: return nil
            }
        }
        return nil
    }

    /// Each camera's path, in configuration order (main camera first).
    var cameraPaths: [String] { state.withLockedValue { $0.cameras.map(\.definition.path) } }

    var allStreams: [CameraStream] { state.withLockedValue { $0.cameras.flatMap(\.streams) } }

    var allCameras: [Camera] { state.withLockedValue { $0.cameras } }

    func camera(path: String) -> Camera? {
        state.withLockedValue { $0.cameras.first { $0.definition.path == path } }
    }
}

extension CameraRegistry.State {
    /// Rebuilds the path index: the first stream at the camera path, every stream at path/name.
    fileprivate mutating func reindex() {
        streamsByPath = [:]
        for (cameraIndex, camera) in cameras.enumerated() {
            for (index, stream) in camera.streams.enumerated() {
                if index == 0 { streamsByPath[camera.definition.path] = (stream, cameraIndex) }
                streamsByPath["\(camera.definition.path)/\(stream.definition.streamName)"] = (stream, cameraIndex)
            }
        }
    }
}
