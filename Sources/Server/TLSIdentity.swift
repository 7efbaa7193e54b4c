import NIOSSL

/// What the RTSPS listener presents: a certificate chain (server certificate first) and
/// the private key of that certificate, with the server certificate's fingerprint.
public struct TLSIdentity: Sendable {
    public let certificateChain: [NIOSSLCertificate]
    public let privateKey: NIOSSLPrivateKey
    /// Whether camsim made the certificate itself at start.
    public let isSelfSigned: Bool
    /// SHA-256 of the server certificate's DER encoding.
    public let fingerprint: CertificateFingerprint

    init(certificateChain: [NIOSSLCertificate], privateKey: NIOSSLPrivateKey, isSelfSigned: Bool) throws {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.isSelfSigned = isSelfSigned
        fingerprint = CertificateFingerprint(der: try certificateChain[0].toDERBytes())
    }

    /// Reads a PEM certificate chain and a PEM private key, and checks that the key is the
    /// certificate's. Each error says which file is wrong, and why.
    public static func load(certificateFile: String, keyFile: String) throws(TLSIdentityError) -> TLSIdentity {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw .certificate(path: certificateFile, reason: "is not a PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw .certificate(path: certificateFile, reason: "holds no PEM certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw .privateKey(path: keyFile, reason: "is not a PEM private key, or is protected by a passphrase (\(error))")
        }
        let identity: TLSIdentity
        do {
            identity = try TLSIdentity(certificateChain: chain, privateKey: key, isSelfSigned: false)
            // BoringSSL refuses a key that is not the certificate's when the context is built.
            _ = try identity.makeServerContext()
        } catch {
            throw .privateKey(path: keyFile, reason: "is not the private key of '\(certificateFile)' (\(error))")
        }
        return identity
    }

    /// A fresh self-signed identity for `hostNames` and `addresses` (see `SelfSignedCertificate`).
    public static func selfSigned(hostNames: [String], addresses: [String]) throws -> TLSIdentity {
        let made = try SelfSignedCertificate(hostNames: hostNames, addresses: addresses)
        return try TLSIdentity(
            certificateChain: [try NIOSSLCertificate(bytes: made.der, format: .der)],
            privateKey: try NIOSSLPrivateKey(bytes: Array(made.privateKeyPEM.utf8), format: .pem),
            isSelfSigned: true)
    }

    /// The server-side TLS context: TLS 1.2 or 1.3, no client certificates asked for.
    func makeServerContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificateChain.map { .certificate($0) },
            privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        return try NIOSSLContext(configuration: configuration)
    }
}

/// Why a configured certificate or key cannot be served.
public enum TLSIdentityError: Error, Equatable, CustomStringConvertible {
    case certificate(path: String, reason: String)
    case privateKey(path: String, reason: String)

    public var description: String {
        switch self {
        case .certificate(let path, let reason): "certificate file '\(path)' \(reason)"
        case .privateKey(let path, let reason): "private key file '\(path)' \(reason)"
        }
    }
}
