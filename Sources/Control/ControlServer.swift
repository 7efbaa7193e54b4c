import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP control endpoint: Hummingbird serving ``ControlAPI``'s router, run as a
/// ServiceLifecycle service beside the RTSP server so one graceful shutdown ends both.
///
/// Tests and the command line read the address it really bound (port 0 picks one) from
/// ``boundAddress()``, which throws ``ControlServerError/cannotListen(address:reason:)``
/// when the port is taken.
public final class ControlServer: Service, Sendable {
    public let settings: ControlSettings
    let api: ControlAPI
    let logger: Logger
    private let binding = ControlBinding()

    public init(settings: ControlSettings, api: ControlAPI, logger: Logger = Logger(label: "camsim.control")) {
        self.settings = settings
        self.api = api
        self.logger = logger
    }

    /// Serves until a graceful shutdown (or cancellation); throws when it cannot listen.
    public func run() async throws {
        let binding = self.binding
        let application = Application(
            router: api.makeRouter(token: settings.token),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port), serverName: ControlAPI.serverName,
                reuseAddress: false),
            onServerRunning: { channel in
                binding.resolve(host: channel.localAddress?.ipAddress, port: channel.localAddress?.port)
            },
            logger: logger
        )
        // Each camera's own ONVIF port (`server.onvif.ports`), for as long as the control port serves.
        let ports = ONVIFPortListeners(api: api, host: settings.host, logger: logger)
        let portsTask = Task { await ports.run() }
        defer { portsTask.cancel() }
        do {
            try await application.run()
        } catch {
            // Only a failure before the listener came up is a failure to listen.
            guard !binding.isResolved else { throw error }
            let failure = ControlServerError.cannotListen(
                address: ControlAddress(host: settings.host, port: settings.port).description, reason: "\(error)")
            binding.fail(failure)
            throw failure
        }
        binding.fail(ControlServerError.stopped)
    }

    /// The address the endpoint listens on, once it does; throws if it could not listen.
    public func boundAddress() async throws -> ControlAddress {
        try await binding.wait(fallbackHost: settings.host)
    }
}

/// Why the control endpoint is not serving.
public enum ControlServerError: Error, CustomStringConvertible, Equatable {
    /// The address could not be bound (taken, or not an address of this machine).
    case cannotListen(address: String, reason: String)
    /// It stopped before it ever listened.
    case stopped

    public var description: String {
        switch self {
        case .cannotListen(let address, let reason):
            let taken = reason.contains("Address already in use") || reason.contains("EADDRINUSE")
                || reason.contains("errno: 98")
            return taken
                ? "control API: \(address) is already in use; choose another with --control HOST:PORT or turn it off with --control off"
                : "control API: cannot listen on \(address): \(reason)"
        case .stopped:
            return "control API stopped before it listened"
        }
    }
}
