import Config
import Frames

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
    /// and all; the others are not touched. Every new camera is built before anything changes, so a
    /// bad scene leaves the server as it was.
    public func reload(from old: CamsimConfig, to new: CamsimConfig, scenes: SceneLibrary) async throws -> ReloadSummary {
        let diff = ConfigDiff(old: old, new: new)
        let faults = try ConfiguredFaults(new)
        let added = try diff.added.map { try CameraDefinition($0, scenes: scenes, mtu: new.server.mtu, faults: faults) }
        let faultOnly = diff.changed.filter { $0.old.differsOnlyInFaults(from: $0.new) }.map(\.new)
        let faultProfiles = try faultOnly.map { (path: $0.path, profile: try faults.profile(for: $0)) }
        let changed = try diff.changed.filter { !$0.old.differsOnlyInFaults(from: $0.new) }
            .map { try CameraDefinition($0.new, scenes: scenes, mtu: new.server.mtu, faults: faults) }
        var summary = ReloadSummary(unchanged: diff.unchanged.count, serverSettingsIgnored: diff.serverChanged)
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
        for (path, profile) in faultProfiles {
            registry.camera(path: path)?.faults.setProfile(profile)
            summary.faultsChanged.append(path)
        }
        return summary
    }
}
