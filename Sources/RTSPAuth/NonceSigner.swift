import ConstantTime
import Crypto

/// Stateless signed nonces (RFC 7616 §3.3 leaves the form to the server):
///
///     nonce = hex( timestamp (8 bytes, big-endian nanoseconds) || HMAC-SHA256(key, timestamp || client)[0..<16] )
///
/// The key is made once per process, so a nonce is only good on the server that issued
/// it and only for the client address it was issued to. Nothing is stored: the time
/// is read back from the nonce, and its age says whether it is stale.
public struct NonceSigner: Sendable {
    /// Bytes of the MAC kept in the nonce.
    public static let macLength = 16
    /// Hex characters in a nonce.
    public static let nonceLength = 2 * (8 + macLength)

    /// The key's bytes (SymmetricKey is not Sendable; one is made per use).
    private let key: [UInt8]

    /// A signer with a fresh random key.
    public init() { key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }

    /// A signer with a fixed key (tests).
    public init(key: [UInt8]) { self.key = key }

    /// A nonce for `client` (its IP address) issued at `now` nanoseconds.
    public func issue(client: String, at now: Int64) -> String {
        let stamp = Self.bytes(of: now)
        return AuthSyntax.hex(stamp + mac(stamp, client: client))
    }

    /// When the nonce was issued, or nil when it is not one this signer made for `client`.
    public func issueTime(of nonce: String, client: String) -> Int64? {
        guard nonce.utf8.count == Self.nonceLength, let bytes = AuthSyntax.unhex(nonce) else { return nil }
        let stamp = Array(bytes[0..<8]), tag = bytes[8...]
        guard ConstantTime.equal(mac(stamp, client: client), tag) else { return nil }
        return stamp.reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }

    private func mac(_ stamp: [UInt8], client: String) -> [UInt8] {
        let code = HMAC<SHA256>.authenticationCode(for: stamp + Array(client.utf8), using: SymmetricKey(data: key))
        return Array(Array(code).prefix(Self.macLength))
    }

    private static func bytes(of value: Int64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }
}
