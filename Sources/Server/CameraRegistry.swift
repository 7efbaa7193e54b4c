import Cameras
import NIOCore
import NIOPosix
import RTSP

/// The mount points: which stream a URL path names.
///
/// A camera at `bars` with streams `main` and `sub` answers at `bars` (its first
/// stream), `bars/main` and `bars/sub`; a track control URL adds `trackID=0`
/// (or `stream=0`) to any of them.
final class CameraRegistry: @unchecked Sendable {
    struct Mount {
        let stream: CameraStream
        /// The path segments that name this stream, as the client wrote them.
        let pathSegments: ArraySlice<String>
        /// True when the URL names the track rather than the aggregate.
        let isTrack: Bool
    }

    private(set) var cameras: [CameraDefinition] = []
    private var streamsByPath: [String: CameraStream] = [:]
    private(set) var allStreams: [CameraStream] = []

    init(
        cameras: [CameraDefinition],
        eventLoops: any EventLoopGroup,
        encodePool: NIOThreadPool,
        clock: any MonotonicClock
    ) {
        self.cameras = cameras
        for camera in cameras {
            for (index, definition) in camera.streams.enumerated() {
                let stream = CameraStream(
                    definition: definition, eventLoop: eventLoops.next(), encodePool: encodePool, clock: clock)
                allStreams.append(stream)
                if index == 0 { streamsByPath[camera.path] = stream }
                streamsByPath["\(camera.path)/\(definition.streamName)"] = stream
            }
        }
    }

    /// The stream a URL names and whether it names the track, or nil (404). The
    /// longest registered path prefix wins, so `bars/sub` beats `bars`.
    func resolve(_ url: RTSPURL) -> Mount? {
        let segments = url.pathSegments
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

    /// The main stream's path of every camera, in configuration order.
    var cameraPaths: [String] { cameras.map(\.path) }
}
