import Cameras
import Faults
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Randomness
import RTSP

/// The mount points: which stream a URL path names. Cameras can be added and removed
/// while the server runs (hot reload).
///
/// A camera at `bars` with streams `main` and `sub` answers at `bars` (its first
/// stream), `bars/main` and `bars/sub`; a track control URL adds `trackID=0`
/// (or `stream=0`) to any of them, and `trackID=1` for a stream with audio.
final class CameraRegistry: Sendable {
    struct Mount {
        let stream: CameraStream
        /// True when the URL names the track rather than the aggregate.
        let isTrack: Bool
        /// The faults of the camera the stream belongs to.
        let faults: CameraFaultState
        /// The camera's path.
        let cameraPath: String
        /// The stream's multicast group; nil when it is not served multicast.
        var multicast: MulticastGroup? = nil
        /// The camera's own `auth:`; what it leaves out comes from the server's.
        var authentication = CameraAuthentication()
        /// The camera's recording, when the URL names its playback (`<path>/playback`).
        var recording: RecordingArchive? = nil
        /// The playback session's own stream, when the URL names a recording; `stream`
        /// is then that stream too.
        var playback: PlaybackStream? = nil
        /// The track the URL names (`trackID=N`: 0 the video, 1 the audio); nil for the aggregate.
        var track: Int? = nil
        /// The camera's ONVIF audio backchannel, if it has one.
        var backchannel: CameraBackchannel? = nil

        /// True when the URL names the backchannel track, which follows the stream's tracks.
        var isBackchannel: Bool { backchannel != nil && track == stream.tracks.count }
    }

    struct Camera {
        let definition: CameraDefinition
        let streams: [CameraStream]
        let faults: CameraFaultState
        /// Each stream's multicast group, in stream order (nil: no multicast).
        var groups: [MulticastGroup?] = []
    }

    /// Cameras by path and in order, and every mount path's stream. Adding a camera indexes
    /// its own paths only, so configuring N cameras costs O(N), not O(N²).
    fileprivate struct State {
        /// Camera paths in configuration order (main camera first).
        var order: [String] = []
        /// Each camera's faults, in the same order: what the reboot sweep reads.
        var faults: [CameraFaultState] = []
        var cameras: [String: Camera] = [:]
        var streamsByPath: [String: (stream: CameraStream, camera: String, index: Int)] = [:]
    }

    private let state = NIOLockedValueBox(State())
    let eventLoops: any EventLoopGroup
    let encodePool: any EncodeExecutor
    let clock: any MonotonicClock
    /// Named fault profiles from the configuration, for `profile=` and schedules.
    let faultCatalog: [String: FaultProfile]
    /// Multicast scope and interface; nil serves no multicast.
    private let multicast: MulticastDelivery?
    private let cname: String
    private let logger: Logger

    init(
        eventLoops: any EventLoopGroup, encodePool: any EncodeExecutor, clock: any MonotonicClock,
        faultCatalog: [String: FaultProfile], multicast: MulticastDelivery? = nil,
        cname: String = "camsim", logger: Logger = Logger(label: "camsim")
    ) {
        self.eventLoops = eventLoops
        self.encodePool = encodePool
        self.clock = clock
        self.faultCatalog = faultCatalog
        self.multicast = multicast
        self.cname = cname
        self.logger = logger
    }

    /// The seed of a camera's fault decisions: its own, or one made from its path that is the
    /// same in every process and release (``StableHash``), so a camera without a seed
    /// still drops the same packets on every run.
    static func faultSeed(path: String, seed: UInt64?) -> UInt64 {
        seed ?? StableHash.mix64(StableHash.fnv1a64(path))
    }

    /// Creates the camera's streams and mounts them. Idle until someone watches.
    func add(_ camera: CameraDefinition) {
        let faults = CameraFaultState(
            profile: camera.faults, catalog: faultCatalog,
            seed: Self.faultSeed(path: camera.path, seed: camera.streams[0].seed),
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
        let groups = streams.map { stream -> MulticastGroup? in
            guard let multicast, var answer = camera.multicast[stream.definition.streamName] else { return nil }
            answer.ttl = multicast.ttl
            return MulticastGroup(
                answer: answer, stream: stream, faults: faults, delivery: multicast, clock: clock, cname: cname,
                logger: logger)
        }
        state.withLockedValue { state in
            state.add(Camera(definition: camera, streams: streams, faults: faults, groups: groups))
        }
    }

    /// Unmounts the camera at `path` and returns its streams and multicast groups (for
    /// the caller to end and close).
    func remove(path: String) -> (streams: [CameraStream], groups: [MulticastGroup]) {
        state.withLockedValue { state in
            guard let removed = state.remove(path: path) else { return ([], []) }
            return (removed.streams, removed.groups.compactMap { $0 })
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
            guard let camera = cameras[entry.camera] else { continue }
            func mount(track: Int?) -> Mount {
                Mount(stream: entry.stream, isTrack: track != nil,
                      faults: camera.faults, cameraPath: camera.definition.path,
                      multicast: camera.groups.indices.contains(entry.index) ? camera.groups[entry.index] : nil,
                      authentication: camera.definition.authentication, track: track,
                      backchannel: camera.definition.backchannel)
            }
            switch url.resolvingControl(cameraPath: Array(prefix)) {
            case .aggregate: return mount(track: nil)
            case .track(let index) where entry.stream.track(index) != nil: return mount(track: index)
            // The ONVIF backchannel follows the stream's own tracks.
            case .track(let index) where index == entry.stream.tracks.count && camera.definition.backchannel != nil:
                return mount(track: index)
            case .track, .none: return nil
            }
        }
        return nil
    }

    /// Each camera's path, in configuration order (main camera first).
    var cameraPaths: [String] { state.withLockedValue { $0.order } }

    var allStreams: [CameraStream] { allCameras.flatMap(\.streams) }

    var allGroups: [MulticastGroup] { allCameras.flatMap { $0.groups.compactMap { $0 } } }

    /// Every camera, in configuration order.
    var allCameras: [Camera] {
        state.withLockedValue { state in state.order.compactMap { state.cameras[$0] } }
    }

    /// The cameras whose reboot fault has come due at `now`, each reboot taken
    /// (``CameraFaultState/takeReboot(at:)``). Reads each camera's faults only, so the
    /// sweep over thousands of idle cameras copies no camera.
    func takeRebootsDue(at now: Int64) -> [Camera] {
        let (paths, faults) = state.withLockedValue { ($0.order, $0.faults) }
        var due: [Camera] = []
        for index in faults.indices where faults[index].takeReboot(at: now) {
            if let camera = camera(path: paths[index]) { due.append(camera) }
        }
        return due
    }

    func camera(path: String) -> Camera? {
        state.withLockedValue { $0.cameras[path] }
    }
}

extension CameraRegistry.State {
    /// The mount paths of `camera`: its first stream at the camera path, every stream at
    /// path/name.
    fileprivate static func mountPaths(of camera: CameraRegistry.Camera) -> [(path: String, index: Int)] {
        camera.streams.enumerated().flatMap { index, stream in
            let named = (path: "\(camera.definition.path)/\(stream.definition.streamName)", index: index)
            return index == 0 ? [(camera.definition.path, index), named] : [named]
        }
    }

    /// Appends `camera` and mounts its paths; a path another camera also claims goes to
    /// the later camera in order, as before.
    fileprivate mutating func add(_ camera: CameraRegistry.Camera) {
        let path = camera.definition.path
        if cameras[path] != nil { _ = remove(path: path) }
        order.append(path)
        faults.append(camera.faults)
        cameras[path] = camera
        for mount in Self.mountPaths(of: camera) {
            streamsByPath[mount.path] = (camera.streams[mount.index], path, mount.index)
        }
    }

    /// Removes the camera at `path` and unmounts its paths; a path it shadowed goes back
    /// to the latest other camera that claims it.
    fileprivate mutating func remove(path: String) -> CameraRegistry.Camera? {
        guard let camera = cameras.removeValue(forKey: path) else { return nil }
        if let index = order.firstIndex(of: path) {
            order.remove(at: index)
            faults.remove(at: index)
        }
        for mount in Self.mountPaths(of: camera) where streamsByPath[mount.path]?.camera == path {
            streamsByPath[mount.path] = claim(mount.path)
        }
        return camera
    }

    /// The stream another camera mounts at `mountPath`, the latest in order winning: the
    /// first stream of a camera at that path, or the stream named by its last segment of
    /// the camera at the rest.
    private func claim(_ mountPath: String) -> (stream: CameraStream, camera: String, index: Int)? {
        var claims: [(stream: CameraStream, camera: String, index: Int)] = []
        if let camera = cameras[mountPath], let first = camera.streams.first {
            claims.append((first, mountPath, 0))
        }
        if let slash = mountPath.lastIndex(of: "/") {
            let owner = String(mountPath[..<slash]), name = mountPath[mountPath.index(after: slash)...]
            if let camera = cameras[owner], let index = camera.streams.firstIndex(where: { $0.definition.streamName == name }) {
                claims.append((camera.streams[index], owner, index))
            }
        }
        guard claims.count > 1 else { return claims.first }
        return claims.max { (order.firstIndex(of: $0.camera) ?? 0) < (order.firstIndex(of: $1.camera) ?? 0) }
    }
}
