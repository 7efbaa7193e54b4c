import Crypto
import Foundation
import SwiftASN1
import X509

/// A self-signed server certificate with a fresh P-256 key, made when RTSPS is on and no
/// certificate is configured: RFC 5280 v3, `CN=camsim`, a subjectAltName for every host
/// name and address the server answers at, usable for TLS server authentication only.
struct SelfSignedCertificate {
    /// How long before `now` the certificate starts to be valid, for clients whose clocks lag.
    static let backdating: TimeInterval = 60 * 60
    /// How long after `now` it stays valid.
    static let lifetime: TimeInterval = 365 * 24 * 60 * 60

    /// The certificate, DER-encoded.
    let der: [UInt8]
    /// The private key, PEM-encoded (PKCS #8).
    let privateKeyPEM: String

    /// Signs a certificate for `hostNames` (DNS names) and `addresses` (IPv4 or IPv6
    /// literals; ones that do not parse are left out), valid around `now`.
    init(hostNames: [String], addresses: [String], now: Date = Date()) throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName("camsim")
            OrganizationName("camsim RTSP camera simulator")
        }
        // RFC 5280 §4.2.1.6: DNS names as IA5String, addresses as 4 or 16 octets.
        var alternativeNames = SubjectAlternativeNames()
        for host in Self.unique(hostNames) { alternativeNames.append(.dnsName(host)) }
        for bytes in Self.unique(addresses).compactMap(IPAddressBytes.parse) {
            alternativeNames.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes))))
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now - Self.backdating,
            notValidAfter: now + Self.lifetime,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                alternativeNames
            },
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        der = serializer.serializedBytes
        privateKeyPEM = key.pemRepresentation
    }

    /// `values` without repeats, in their first order.
    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}
