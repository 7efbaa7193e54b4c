/// Comparisons of secrets (passwords, digests, MAC tags, bearer tokens) whose time
/// depends on the length of what was presented only, never on where the bytes differ.
public enum ConstantTime {
    /// True when `presented` holds exactly the bytes of `secret`. Every presented byte is
    /// compared, whatever the lengths, so the time reveals no matching prefix and nothing
    /// of the secret's length.
    public static func equal(_ secret: some Collection<UInt8>, _ presented: some Sequence<UInt8>) -> Bool {
        let secret = Array(secret)
        var difference: UInt8 = 0
        var count = 0
        for byte in presented {
            // An empty secret is still read from (a zero byte) so the loop does the same work.
            difference |= byte ^ (secret.isEmpty ? 0 : secret[count % secret.count])
            count += 1
        }
        return difference == 0 && count == secret.count
    }

    /// Equal texts with ASCII letters folded to lower case (hex digests may come in either case).
    public static func equalIgnoringCase(_ secret: String, _ presented: String) -> Bool {
        equal(secret.utf8.map(lowercase), presented.utf8.map(lowercase))
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
