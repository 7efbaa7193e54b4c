import Faults

extension CamsimServer {
    /// The ONVIF faults in force for the camera at `path` (its configured profile, layers
    /// resolved, as changed through the control API), or nil when no camera is mounted there.
    public func onvifFaults(path: String) -> ONVIFFaultProfile? {
        registry.camera(path: path)?.faults.profile.control.onvif
    }
}
