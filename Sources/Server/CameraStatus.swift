import Cameras

/// A mounted camera as the control plane shows it: what state it is in and its streams
/// (definitions and counters).
public struct CameraStatus: Sendable {
    /// `idle` (nobody watches), `live` (someone does), `offline` or `rebooting` (refusing connections).
    public enum State: String, Sendable {
        case idle, live, offline, rebooting
    }

    public let path: String
    public let state: State
    /// Main stream first.
    public let streams: [CameraStream]
}

extension CamsimServer {
    /// The camera at `path`, or nil when none is mounted there.
    public func cameraStatus(path: String) -> CameraStatus? {
        registry.camera(path: path).map(status)
    }

    /// Every camera, in configuration order.
    public var cameraStatuses: [CameraStatus] {
        registry.allCameras.map(status)
    }

    private func status(_ camera: CameraRegistry.Camera) -> CameraStatus {
        let now = clock.nanoseconds()
        let byHand = camera.faults.downByHand(at: now)
        let control = camera.faults.control
        let state: CameraStatus.State
        if byHand.down {
            state = byHand.rebooting ? .rebooting : .offline
        } else if control.profile.offline == true {
            state = .offline
        } else if control.isDown(at: now) {
            state = .rebooting
        } else {
            let viewers = camera.streams.reduce(0) { $0 + $1.counters.activeViewers.load(ordering: .relaxed) }
            state = viewers > 0 ? .live : .idle
        }
        return CameraStatus(path: camera.definition.path, state: state, streams: camera.streams)
    }
}
