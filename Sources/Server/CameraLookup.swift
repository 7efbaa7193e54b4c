import RTSP

/// Which camera, stream and track a request URL names. The server's `CameraRegistry`
/// is the real one; tests use a fake with hand-made mounts.
protocol CameraLookup: Sendable {
    /// The mount `url` names, or nil (404).
    func mount(for url: RTSPURL) -> CameraRegistry.Mount?
    /// A new playback stream of a playback mount's recording; nil when it has none.
    func makePlayback(of mount: CameraRegistry.Mount) -> PlaybackStream?
}

extension CameraLookup {
    func makePlayback(of mount: CameraRegistry.Mount) -> PlaybackStream? { nil }
}

extension CameraRegistry: CameraLookup {
    func mount(for url: RTSPURL) -> Mount? { resolve(url) ?? resolvePlayback(url) }
}
