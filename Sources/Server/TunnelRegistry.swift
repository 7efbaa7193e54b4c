import NIOConcurrencyHelpers

/// Open RTSP-over-HTTP tunnels by session cookie: the GET half registers its
/// connection, the POST half finds it and feeds it the client's requests.
final class TunnelRegistry: Sendable {
    private let tunnels = NIOLockedValueBox([String: RTSPConnection]())

    /// Registers the GET half; false when the cookie is taken.
    func open(cookie: String, output: RTSPConnection) -> Bool {
        tunnels.withLockedValue { tunnels in
            guard tunnels[cookie] == nil else { return false }
            tunnels[cookie] = output
            return true
        }
    }

    func output(cookie: String) -> RTSPConnection? {
        tunnels.withLockedValue { $0[cookie] }
    }

    func close(cookie: String) {
        tunnels.withLockedValue { _ = $0.removeValue(forKey: cookie) }
    }
}
