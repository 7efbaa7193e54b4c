import Config
import Server

extension RTSPSSettings {
    /// The RTSPS listener of `server.tls`, its certificate and key read and checked now;
    /// nil when RTSPS is off. A certificate or key that cannot be served is an error
    /// naming its key (`server.tls.cert`, `server.tls.key`).
    public init?(_ settings: TLSSettings?) throws(RTSPSConfigurationError) {
        guard let settings else { return nil }
        var identity: TLSIdentity?
        if let certificate = settings.certificatePath, let key = settings.keyPath {
            do {
                identity = try TLSIdentity.load(certificateFile: certificate, keyFile: key)
            } catch {
                switch error {
                case .certificate: throw RTSPSConfigurationError(keyPath: "server.tls.cert", message: error.description)
                case .privateKey: throw RTSPSConfigurationError(keyPath: "server.tls.key", message: error.description)
                }
            }
        }
        self.init(port: settings.port, identity: identity)
    }
}

/// A `server.tls` certificate or key the server cannot serve.
public struct RTSPSConfigurationError: Error, CustomStringConvertible {
    /// The configuration key at fault, e.g. `server.tls.key`.
    public let keyPath: String
    public let message: String
    public var description: String { "\(keyPath): \(message)" }
}
