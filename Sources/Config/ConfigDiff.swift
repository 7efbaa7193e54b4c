/// How the cameras of two configurations differ, matched by path; used for hot reload.
///
/// A camera is `changed` when any of its settings differ, including the text
/// of a named fault profile it uses. Moving inline YAML to another line of the
/// file does not count as a change. Server settings are compared separately
/// (``serverChanged``) because most of them need a restart.
public struct ConfigDiff: Sendable {
    /// Cameras only in the new configuration, in new order.
    public var added: [CameraConfig]
    /// Cameras only in the old configuration, in old order.
    public var removed: [CameraConfig]
    /// Cameras in both whose settings differ, in new order.
    public var changed: [(old: CameraConfig, new: CameraConfig)]
    /// Cameras in both with the same settings (the new value), in new order.
    public var unchanged: [CameraConfig]
    /// Whether the `server:` settings differ.
    public var serverChanged: Bool

    public init(old: CamsimConfig, new: CamsimConfig) {
        let oldByPath = Dictionary(old.cameras.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let newPaths = Set(new.cameras.map(\.path))
        added = []
        changed = []
        unchanged = []
        for camera in new.cameras {
            guard let previous = oldByPath[camera.path] else {
                added.append(camera)
                continue
            }
            if ConfigDiff.same(previous, in: old, camera, in: new) {
                unchanged.append(camera)
            } else {
                changed.append((previous, camera))
            }
        }
        removed = old.cameras.filter { !newPaths.contains($0.path) }
        // `server.auth` is applied by a reload, like `users:`; the rest needs a restart.
        var oldServer = old.server, newServer = new.server
        oldServer.auth = AuthSettings()
        newServer.auth = AuthSettings()
        serverChanged = oldServer != newServer
    }

    /// True when nothing at all differs.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && !serverChanged
    }

    private static func same(_ a: CameraConfig, in old: CamsimConfig, _ b: CameraConfig, in new: CamsimConfig) -> Bool {
        guard a.positionless == b.positionless else { return false }
        for case .named(let name) in a.faults {
            if old.faultProfiles[name]?.positionless != new.faultProfiles[name]?.positionless { return false }
        }
        return true
    }
}

extension CameraConfig {
    /// True when `other` is this camera with other faults (or the same faults whose
    /// named profiles changed): a running camera can take them without a restart.
    public func differsOnlyInFaults(from other: CameraConfig) -> Bool {
        var mine = positionless
        var theirs = other.positionless
        mine.faults = []
        theirs.faults = []
        return mine == theirs
    }
}
