import Faults
import NIOCore

extension CamsimServer {
    /// Reboots the camera at `path` now: its sessions and connections drop without a
    /// goodbye, it refuses connections for `downSeconds`, and its streams come back with
    /// a new SSRC, sequence and timestamp base. False when no camera is mounted there.
    @discardableResult
    public func rebootCamera(at path: String, downSeconds: Double = 0) -> Bool {
        guard let camera = registry.camera(path: path) else { return false }
        logger.info("camera rebooting (by request)", metadata: ["camera": "\(path)"])
        if downSeconds > 0 {
            camera.faults.takeDown(until: deadline(afterSeconds: downSeconds), rebooting: true)
        }
        reboot(camera, seed: camera.faults.takeRebootByHand())
        return true
    }

    /// Takes the camera at `path` offline: its sessions and connections drop without a
    /// goodbye and it refuses connections, for `seconds` or, when nil, until
    /// ``bringCameraOnline(at:)``. False when no camera is mounted there.
    @discardableResult
    public func takeCameraOffline(at path: String, seconds: Double? = nil) -> Bool {
        guard let camera = registry.camera(path: path) else { return false }
        let until = seconds.map { deadline(afterSeconds: $0) } ?? .max
        camera.faults.takeDown(until: until, rebooting: false)
        dropSessions(of: camera)
        logger.info("camera offline (by request)", metadata: ["camera": "\(path)"])
        var details: [String: ServerEvent.Detail] = [:]
        if let seconds { details["seconds"] = .string(String(seconds)) }
        events.publish(ServerEvent(.cameraOffline, camera: path, details: details))
        if until != .max { announceOnline(camera, path: path, when: until) }
        return true
    }

    /// Publishes `camera_online` when a timed outage ends by itself at `until`, unless
    /// ``bringCameraOnline(at:)`` or another outage came first.
    private func announceOnline(_ camera: CameraRegistry.Camera, path: String, when until: Int64) {
        let (clock, events, loops, registry) = (self.clock, self.events, self.group, self.registry)
        let faults = camera.faults
        @Sendable func check() {
            let now = clock.nanoseconds()
            if now < until {
                loops.next().scheduleTask(in: .nanoseconds(until - now)) { check() }
            } else if registry.camera(path: path)?.faults === faults, faults.endOutage(until: until, at: now) {
                events.publish(ServerEvent(.cameraOnline, camera: path, details: ["reason": .string("offline time over")]))
            }
        }
        check()
    }

    /// Ends an outage begun by ``takeCameraOffline(at:seconds:)`` or a reboot's downtime.
    @discardableResult
    public func bringCameraOnline(at path: String) -> Bool {
        guard let camera = registry.camera(path: path) else { return false }
        camera.faults.bringUp()
        events.publish(ServerEvent(.cameraOnline, camera: path))
        return true
    }

    /// Makes the next frame of each of the camera's streams an IDR.
    @discardableResult
    public func requestIDR(at path: String) -> Bool {
        guard let camera = registry.camera(path: path) else { return false }
        for stream in camera.streams { stream.requestIDR() }
        return true
    }

    private func deadline(afterSeconds seconds: Double) -> Int64 {
        let nanoseconds = seconds * 1e9
        let now = clock.nanoseconds()
        return nanoseconds >= Double(Int64.max - now) ? .max : now + Int64(nanoseconds)
    }
}
