import NIOConcurrencyHelpers

/// Open RTSP-over-HTTP tunnels by session cookie: the GET half registers its
/// connection, the POST half finds it and feeds it the client's requests.
///
/// It also counts the POST halves attached to each tunnel: a GET half with a POST
/// attached is in use even while it holds no session, so it is not closed as idle.
final class TunnelRegistry: Sendable {
    private struct Tunnel {
        let output: RTSPConnection
        /// The user the GET half authenticated as; nil when it needed no credentials.
        let user: String?
        var inputs = 0
    }

    private let tunnels = NIOLockedValueBox([String: Tunnel]())

    /// Registers the GET half, which authenticated as `user`; false when the cookie is taken.
    func open(cookie: String, output: RTSPConnection, user: String?) -> Bool {
        tunnels.withLockedValue { tunnels in
            guard tunnels[cookie] == nil else { return false }
            tunnels[cookie] = Tunnel(output: output, user: user)
            return true
        }
    }

    /// The GET half of the tunnel, and the user it authenticated as.
    func output(cookie: String) -> (connection: RTSPConnection, user: String?)? {
        tunnels.withLockedValue { tunnels in tunnels[cookie].map { ($0.output, $0.user) } }
    }

    /// A POST half joined the tunnel.
    func attachInput(cookie: String) {
        tunnels.withLockedValue { $0[cookie]?.inputs += 1 }
    }

    /// A POST half of the tunnel closed.
    func detachInput(cookie: String) {
        tunnels.withLockedValue { tunnels in
            guard let inputs = tunnels[cookie]?.inputs, inputs > 0 else { return }
            tunnels[cookie]?.inputs = inputs - 1
        }
    }

    /// Whether a POST half is attached to the tunnel.
    func hasInput(cookie: String) -> Bool {
        tunnels.withLockedValue { ($0[cookie]?.inputs ?? 0) > 0 }
    }

    func close(cookie: String) {
        tunnels.withLockedValue { _ = $0.removeValue(forKey: cookie) }
    }
}
