import Synchronization

/// What the ONVIF device service changes and keeps in memory, per camera path: the
/// scopes `SetScopes` set. A reload keeps them; a restart forgets them, as a camera
/// without persistent storage would.
final class ONVIFDeviceState: Sendable {
    let security = ONVIFSecurity()
    private let scopes = Mutex<[String: [String]]>([:])

    /// The configurable scopes of the camera at `path` (none until `SetScopes`).
    func configurableScopes(of path: String) -> [String] {
        scopes.withLock { $0[path] ?? [] }
    }

    func setConfigurableScopes(_ list: [String], of path: String) {
        scopes.withLock { $0[path] = list }
    }
}
