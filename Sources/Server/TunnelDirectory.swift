/// Where the halves of an RTSP-over-HTTP tunnel find each other by `x-sessioncookie`:
/// the GET half registers its connection, the POST half looks it up.
protocol TunnelDirectory: Sendable {
    /// Registers the GET half, which authenticated as `user` (nil: no credentials were
    /// asked); false when the cookie is taken.
    func open(cookie: String, output: RTSPConnection, user: String?) -> Bool
    /// The GET half of `cookie` and the user it authenticated as.
    func output(cookie: String) -> (connection: RTSPConnection, user: String?)?
    func close(cookie: String)
    /// A POST half is attached to the GET half of `cookie`, or has gone.
    func attachInput(cookie: String)
    func detachInput(cookie: String)
    /// Whether a POST half feeds the GET half of `cookie` (the GET half is then in use).
    func hasInput(cookie: String) -> Bool
}

extension TunnelRegistry: TunnelDirectory {}
