import Faults

extension CamsimServer {
    /// The definition the camera at `path` was added with (its streams and the faults
    /// its encoders were opened with), or nil when no camera is mounted there.
    public func cameraDefinition(path: String) -> CameraDefinition? {
        registry.camera(path: path)?.definition
    }

    /// Gives the camera at `path` new faults at once, its viewers and encoders kept:
    /// viewers take them on their next frame, and its streams their picture faults
    /// (frozen picture, resolution change). Faults that shape the encoder (a GOP override,
    /// a declared frame rate) only take effect when the camera is added again.
    /// Returns false when no camera is mounted at `path`.
    @discardableResult
    public func setFaults(_ profile: FaultProfile, forCameraAt path: String) -> Bool {
        guard let camera = registry.camera(path: path) else { return false }
        camera.setFaultProfile(profile)
        events.publish(ServerEvent(.faultsChanged, camera: path))
        return true
    }
}
