import Crypto

/// Comparisons of secrets whose time does not depend on where the inputs differ.
public enum ConstantTime {
    /// Equal bytes. Both sides are hashed first, so the comparison also takes the same
    /// time whatever the lengths are.
    public static func equal(_ a: some Sequence<UInt8>, _ b: some Sequence<UInt8>) -> Bool {
        let left = Array(SHA256.hash(data: Array(a))), right = Array(SHA256.hash(data: Array(b)))
        var difference: UInt8 = 0
        for index in 0..<left.count { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Equal texts, ASCII case folded (hex digests may come in either case).
    public static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        equal(a.utf8.map(AuthSyntax.lowercase), b.utf8.map(AuthSyntax.lowercase))
    }
}
