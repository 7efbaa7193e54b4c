import Cameras
import Logging

/// Everything an `RTSPConnection` needs from the server, as narrow parts: the clock,
/// the sessions, the cameras, the UDP ports, the tunnels and the settings. The server
/// builds one; tests build one from fakes.
struct ConnectionEnvironment: Sendable {
    var clock: any MonotonicClock
    var sessions: any SessionDirectory
    var cameras: any CameraLookup
    var mediaPorts: any MediaPorts
    var tunnels: any TunnelDirectory
    var settings: ConnectionSettings
    /// Users, modes and the authenticator; without users no request is challenged.
    var authentication = ServerAuthentication(setup: AuthenticationSetup())
    var logger: Logger
    /// Where sessions announce their start and end.
    var events = EventBus()
    /// Where answered requests are counted.
    var activity = ServerActivityCounters()
}
