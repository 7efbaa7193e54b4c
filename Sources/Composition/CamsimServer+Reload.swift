import Config
import Faults
import Frames
import RTSP
import Server

extension CamsimServer {
    /// What a reload changed.
    public struct ReloadSummary: Sendable, Equatable, CustomStringConvertible {
        public var added: [String] = []
        public var removed: [String] = []
        public var restarted: [String] = []
        /// Cameras whose faults changed in place, their viewers kept.
        public var faultsChanged: [String] = []
        public var unchanged = 0
        public var serverSettingsIgnored = false

        public var description: String {
            var parts = [
                "added \(added.count)", "removed \(removed.count)", "restarted \(restarted.count)",
                "faults changed \(faultsChanged.count)", "unchanged \(unchanged)",
            ]
            if serverSettingsIgnored { parts.append("server settings need a restart") }
            return parts.joined(separator: ", ")
        }
    }

    /// Moves the running server from `old` to `new`: added cameras appear, removed
    /// ones end their sessions (RTCP BYE, session closed), changed ones restart, and
    /// cameras whose only change is their faults take the new faults at once, viewers
    /// and all (unless those faults shape the encoder: then they restart); the others
    /// are not touched. Every new camera is built before anything changes, so a
    /// bad scene leaves the server as it was.
    public func reload(from old: CamsimConfig, to new: CamsimConfig, scenes: SceneLibrary) async throws -> ReloadSummary {
        let diff = ConfigDiff(old: old, new: new)
        let faults = try ConfiguredFaults(new)
        var resolver = SceneResolver(scenes)
        // `mtu` is the IP datagram size. New and restarted cameras take the new one, less the
        // IP and UDP headers of the address this server is bound to (a new bind needs a restart).
        let maxPacketSize = RTPPacketBudget.maxPacketSize(mtu: new.server.mtu, bindHost: configuration.bindHost)
        // Multicast groups come from the new configuration, under the scope and interface
        // the server started with (server settings need a restart).
        let multicast = try MulticastAllocation(new)
        let multicastSettings = configuration.multicast == nil ? nil : new.server.multicast
        func answers(_ camera: CameraConfig) -> [String: MulticastTransport] {
            var answers = CameraDefinition.multicastAnswers(
                path: camera.path, allocation: multicast, settings: multicastSettings)
            if let ttl = configuration.multicast?.ttl {
                for name in answers.keys { answers[name]?.ttl = ttl }
            }
            return answers
        }
        func definition(_ camera: CameraConfig) throws -> CameraDefinition {
            try CameraDefinition(
                camera, scene: resolver.scene(of: camera), maxPacketSize: maxPacketSize, faults: faults,
                multicast: answers(camera))
        }
        let added = try diff.added.map(definition)
        // A camera takes new faults in place unless they change how its encoders are
        // opened (a GOP override, a declared frame rate): then it restarts.
        var faultProfiles: [(path: String, profile: FaultProfile)] = []
        var restarting: [CameraConfig] = []
        for (before, after) in diff.changed {
            let profile = try faults.profile(for: after)
            let running = cameraDefinition(path: after.path)
            if before.differsOnlyInFaults(from: after), running?.faults.media.encoderShaping == profile.media.encoderShaping,
               running?.multicast == answers(after) {
                faultProfiles.append((after.path, profile))
            } else {
                restarting.append(after)
            }
        }
        // A camera whose streams' multicast groups moved (another camera now holds its
        // slot) restarts on its new groups, so no two streams ever send to one.
        let moved = diff.unchanged.filter { cameraDefinition(path: $0.path)?.multicast != answers($0) }
        restarting += moved
        let changed = try restarting.map(definition)
        var summary = ReloadSummary(unchanged: diff.unchanged.count - moved.count, serverSettingsIgnored: diff.serverChanged)
        for camera in diff.removed {
            await removeCamera(path: camera.path)
            summary.removed.append(camera.path)
        }
        for camera in changed {
            await removeCamera(path: camera.path)
            addCamera(camera)
            summary.restarted.append(camera.path)
        }
        for camera in added {
            addCamera(camera)
            summary.added.append(camera.path)
        }
        // Users and the auth defaults take effect at once; sessions already set up keep running.
        setAuthentication(AuthenticationSetup(new))
        for (path, profile) in faultProfiles {
            setFaults(profile, forCameraAt: path)
            summary.faultsChanged.append(path)
        }
        return summary
    }
}
