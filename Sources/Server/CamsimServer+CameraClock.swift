import Faults

extension CamsimServer {
    /// The camera at `path`'s fault profile in force and the nanoseconds since its faults'
    /// origin (when it was added), on the server's monotonic clock: the time its fault
    /// windows (a frozen picture) and its event schedule count from. Nil when no camera is
    /// mounted there.
    public func cameraFaultTime(path: String) -> (profile: FaultProfile, elapsed: Int64)? {
        guard let camera = registry.camera(path: path) else { return nil }
        return (camera.faults.profile, clock.nanoseconds() - camera.faults.origin)
    }
}
