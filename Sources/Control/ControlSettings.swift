import Config
import Foundation

/// Where the control endpoint listens and the token it demands, resolved from the
/// configuration and the environment before anything binds.
public struct ControlSettings: Sendable, Equatable {
    /// The environment variable that supplies a token when the configuration has none.
    public static let tokenVariable = "CAMSIM_CONTROL_TOKEN"

    /// Address to bind: a name, an IPv4 address, or an IPv6 address without brackets.
    public var host: String
    /// Port to bind; 0 picks a free one.
    public var port: Int
    /// The bearer token every request must carry, or nil when none is needed (loopback only).
    public var token: String?

    public init(host: String, port: Int, token: String? = nil) {
        self.host = host
        self.port = port
        self.token = token
    }

    /// Why the control endpoint may not start.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// Bound off loopback with no token to demand.
        case tokenRequired(address: String)
        /// `server.control` could not be split into a host and a port.
        case badAddress(String)
        /// The token from the environment is not one a Bearer header can carry.
        case badToken(String)

        public var description: String {
            switch self {
            case .tokenRequired(let address):
                return "control API on \(address) is not loopback: set server.control_token or "
                    + "\(ControlSettings.tokenVariable), or bind it to 127.0.0.1 (--control 127.0.0.1:8080), "
                    + "or turn it off (--control off)"
            case .badAddress(let address):
                return "control address '\(address)' is not HOST:PORT"
            case .badToken(let message):
                return "\(ControlSettings.tokenVariable): \(message)"
            }
        }
    }

    /// The control endpoint of `server`, or nil when it is off. The configuration's token
    /// wins over `environment[CAMSIM_CONTROL_TOKEN]`; off loopback one of them is required.
    public static func resolve(
        _ server: ServerSettings,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(Problem) -> ControlSettings? {
        guard let address = server.controlAddress else { return nil }
        guard let (host, port) = split(address) else { throw .badAddress(address) }
        var token = server.controlToken
        if token == nil, let fromEnvironment = environment[tokenVariable], !fromEnvironment.isEmpty {
            if let message = ServerSettings.controlTokenProblem(fromEnvironment) { throw .badToken(message) }
            token = fromEnvironment
        }
        if token == nil, !isLoopback(host) { throw .tokenRequired(address: address) }
        return ControlSettings(host: host, port: port, token: token)
    }

    /// `host:port` or `[v6]:port` split in two, brackets dropped.
    static func split(_ address: String) -> (host: String, port: Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            return nil
        }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        return (host, port)
    }

    /// True for `localhost`, 127.0.0.0/8 and `::1`: addresses no other machine can reach.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
