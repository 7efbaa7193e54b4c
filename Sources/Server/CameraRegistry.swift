import Cameras
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
        /// The path segments that name this stream, as the client wrote them.
        let pathSegments: ArraySlice<String>
        /// True when the URL names the track rather than the aggregate.
        let isTrack: Bool
    }

    private struct State {
        var cameras: [(definition: CameraDefinition, streams: [CameraStream])] = []
        var streamsByPath: [String: CameraStream] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let eventLoops: any EventLoopGroup
    private let encodePool: NIOThreadPool
    private let clock: any MonotonicClock

    init(eventLoops: any EventLoopGroup, encodePool: NIOThreadPool, clock: any MonotonicClock) {
        self.eventLoops = eventLoops
        self.encodePool = encodePool
        self.clock = clock
    }

    /// Creates the camera's streams and mounts them. Idle until someone watches.
    func add(_ camera: CameraDefinition) {
        let streams = camera.streams.map { definition in
            CameraStream(definition: definition, eventLoop: eventLoops.next(), encodePool: encodePool, clock: clock)
        }
        state.withLockedValue { state in
            state.cameras.append((camera, streams))
            for (index, stream) in streams.enumerated() {
                if index == 0 { state.streamsByPath[camera.path] = stream }
                state.streamsByPath["\(camera.path)/\(stream.definition.streamName)"] = stream
            }
        }
    }

    /// Unmounts the camera at `path` and returns its streams (for the caller to end).
    func remove(path: String) -> [CameraStream] {
        state.withLockedValue { state in
            guard let index = state.cameras.firstIndex(where: { $0.definition.path == path }) else { return [] }
            let removed = state.cameras.remove(at: index)
            state.streamsByPath = state.streamsByPath.filter { entry in
                !removed.streams.contains { $0 === entry.value }
            }
            return removed.streams
        }
    }

    /// The stream a URL names and whether it names the track, or nil (404). The
    /// longest registered path prefix wins, so `bars/sub` beats `bars`.
    func resolve(_ url: RTSPURL) -> Mount? {
        let segments = url.pathSegments
        let streamsByPath = state.withLockedValue { $0.streamsByPath }
        for length in stride(from: segments.count, through: 1, by: -1) {
            let prefix = segments.prefix(length)
            guard let stream = streamsByPath[prefix.joined(separator: "/")] else { continue }
            switch url.resolvingControl(cameraPath: Array(prefix)) {
            case .aggregate: return Mount(stream: stream, pathSegments: prefix, isTrack: false)
            case .track(0): return Mount(stream: stream, pathSegments: prefix, isTrack: true)
            case .track, .none: return nil
            }
        }
        return nil
    }

    /// Each camera's path, in configuration order (main camera first).
    var cameraPaths: [String] { state.withLockedValue { $0.cameras.map(\.definition.path) } }

    var allStreams: [CameraStream] { state.withLockedValue { $0.cameras.flatMap(\.streams) } }
}
