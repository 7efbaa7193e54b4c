import RTSP

/// Which camera, stream and track a request URL names. The server's `CameraRegistry`
/// is the real one; tests use a fake with hand-made mounts.
protocol CameraLookup: Sendable {
    /// The mount `url` names, or nil (404).
    func mount(for url: RTSPURL) -> CameraRegistry.Mount?
}

extension CameraRegistry: CameraLookup {
    func mount(for url: RTSPURL) -> Mount? { resolve(url) }
}
