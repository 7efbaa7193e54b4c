import Foundation
import NIOSSL
import SwiftASN1
import Testing
import X509
@testable import Server

/// The certificate made at start: P-256, self-signed, a server certificate for the
/// names and addresses given, valid from an hour ago for a year.
@Suite struct SelfSignedCertificateTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func make() throws -> (SelfSignedCertificate, Certificate) {
        let made = try SelfSignedCertificate(
            hostNames: ["localhost", "camsim.test", "LOCALHOST"], addresses: ["127.0.0.1", "::1", "not-an-address"],
            now: now)
        return (made, try Certificate(derEncoded: made.der))
    }

    @Test func namesEveryHostAndAddressOnce() throws {
        let (_, certificate) = try Self.make()
        let names = try #require(try certificate.extensions.subjectAlternativeNames)
        #expect(Array(names) == [
            .dnsName("localhost"), .dnsName("camsim.test"),
            .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
            .ipAddress(ASN1OctetString(contentBytes: ArraySlice([UInt8](repeating: 0, count: 15) + [1]))),
        ])
    }

    @Test func isASelfSignedP256ServerCertificate() throws {
        let (made, certificate) = try Self.make()
        #expect(certificate.issuer == certificate.subject)
        #expect(certificate.signatureAlgorithm == .ecdsaWithSHA256)
        #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
        let key = try Certificate.PrivateKey(pemEncoded: made.privateKeyPEM)
        #expect(key.publicKey == certificate.publicKey)
        #expect(try certificate.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try certificate.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
        #expect(try certificate.extensions.keyUsage?.digitalSignature == true)
    }

    @Test func validFromAnHourBeforeForAYear() throws {
        let (_, certificate) = try Self.make()
        #expect(certificate.notValidBefore == Self.now - 3600)
        #expect(certificate.notValidAfter == Self.now + 365 * 86400)
    }

    @Test func eachCertificateHasItsOwnKeyAndSerial() throws {
        let (first, a) = try Self.make()
        let (second, b) = try Self.make()
        #expect(first.privateKeyPEM != second.privateKeyPEM)
        #expect(a.serialNumber != b.serialNumber)
    }

    /// The identity NIOSSL serves carries the fingerprint of exactly these DER bytes.
    @Test func identityFingerprintIsThatOfTheServedDER() throws {
        let identity = try TLSIdentity.selfSigned(hostNames: ["localhost"], addresses: ["127.0.0.1"])
        let der = try identity.certificateChain[0].toDERBytes()
        #expect(identity.fingerprint == CertificateFingerprint(der: der))
        #expect(identity.isSelfSigned)
        _ = try identity.makeServerContext()
    }
}
