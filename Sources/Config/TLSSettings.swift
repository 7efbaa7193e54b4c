/// The RTSPS listener (RTSP over TLS): `server.tls: {port, cert, key}`.
///
/// Present, TLS is on; absent (and no `--tls-port`), camsim serves plain RTSP only.
/// With neither `cert` nor `key`, the server makes a self-signed certificate at start.
public struct TLSSettings: Sendable, Equatable, Hashable {
    /// camsim's unprivileged RTSPS port; the conventional one is 322.
    public static let defaultPort = 8322

    /// RTSPS listening port; 0 picks a free one.
    public var port: Int
    /// PEM file of the server certificate (then any intermediates), or nil for a self-signed one.
    public var certificatePath: String?
    /// PEM file of the certificate's private key; set exactly when `certificatePath` is.
    public var keyPath: String?

    public init(port: Int = TLSSettings.defaultPort, certificatePath: String? = nil, keyPath: String? = nil) {
        self.port = port
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
