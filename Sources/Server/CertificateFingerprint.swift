import Crypto

/// A certificate's SHA-256 fingerprint: the hash of its DER encoding, written as
/// colon-separated upper-case hex pairs, as `openssl x509 -fingerprint -sha256` prints it.
public struct CertificateFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes of the SHA-256 digest.
    public let bytes: [UInt8]

    /// The fingerprint of the certificate whose DER encoding is `der`.
    public init(der: some Sequence<UInt8>) {
        bytes = Array(SHA256.hash(data: Array(der)))
    }

    /// `AB:01:...:FF`.
    public var description: String {
        bytes.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return byte < 0x10 ? "0" + hex : hex
        }.joined(separator: ":")
    }
}
