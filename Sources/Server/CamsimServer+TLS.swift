import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CamsimServer {
    /// Binds the RTSPS listener when configured: its certificate is the configured one,
    /// or a self-signed one made now for the names and addresses this server answers at.
    func startTLSListener(admission: ConnectionAdmission) async throws {
        guard let rtsps = configuration.rtsps else { return }
        let identity = try rtsps.identity ?? TLSIdentity.selfSigned(
            hostNames: certificateHostNames, addresses: certificateAddresses)
        tlsIdentity = identity
        tlsListener = try await bindRTSPListener(
            port: rtsps.port, admission: admission, tls: try identity.makeServerContext())
        logger.info("listening for RTSPS", metadata: [
            "port": "\(tlsPort ?? rtsps.port)",
            "certificate": "\(identity.isSelfSigned ? "self-signed" : "configured")",
            "sha256": "\(identity.fingerprint)",
        ])
    }

    /// The bound RTSPS port, nil when RTSPS is off.
    public var tlsPort: Int? {
        guard let rtsps = configuration.rtsps else { return nil }
        return tlsListener?.localAddress?.port ?? rtsps.port
    }

    /// The certificate the RTSPS listener presents, once started.
    public var tlsCertificate: TLSIdentity? { tlsIdentity }

    /// `rtsps://host:port/path` of each camera, main camera first; empty when RTSPS is off.
    public var secureCameraURLs: [String] {
        registry.cameraPaths.compactMap { secureURL(forPath: $0) }
    }

    /// `rtsps://host:port/path`, nil when RTSPS is off.
    public func secureURL(forPath path: String) -> String? {
        tlsPort.map { "rtsps://\(urlHost):\($0)/\(path)" }
    }

    /// DNS names for a self-signed certificate: `localhost`, this machine's name, and
    /// the bind and advertised hosts when they are names.
    var certificateHostNames: [String] {
        var names = ["localhost"]
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count) == 0 {
            names.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        for host in [configuration.bindHost, configuration.advertisedHost].compactMap({ $0 })
        where IPAddressBytes.parse(host) == nil && !host.isEmpty {
            names.append(host)
        }
        return names
    }

    /// IP addresses for a self-signed certificate: loopback, the bind and advertised
    /// hosts when they are addresses, and for a wildcard bind every interface's address.
    var certificateAddresses: [String] {
        var addresses = ["127.0.0.1", "::1"]
        for host in [configuration.bindHost, configuration.advertisedHost].compactMap({ $0 })
        where IPAddressBytes.parse(host) != nil {
            addresses.append(host)
        }
        if ["0.0.0.0", "::", ""].contains(configuration.bindHost) {
            let interfaces = (try? System.enumerateDevices()) ?? []
            addresses += interfaces.compactMap { $0.address?.ipAddress }
        }
        return addresses.filter { IPAddressBytes.parse($0) != nil && $0 != "0.0.0.0" && $0 != "::" }
    }
}
