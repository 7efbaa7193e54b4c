/// The server settings an RTSP connection reads: fixed for the server's life.
struct ConnectionSettings: Sendable {
    /// Advertised in `Session: id;timeout=N` (RFC 2326 §12.37).
    var sessionTimeoutSeconds: Int
    /// The host in the RTCP CNAME (`camsim@host`, RFC 3550 §6.5.1).
    var urlHost: String
    /// How long a started request, and a connection with no session, may stay silent.
    var timeouts: ConnectionTimeouts
    /// Playback sessions served at once; SETUP of one more is 453.
    var maxPlaybackSessions = 4
}
