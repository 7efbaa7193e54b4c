/// Hashes that are the same on every platform, build and run, unlike Swift's randomly
/// seeded `Hasher`: what a camera's multicast slot and shard are computed from, so they
/// never move between processes or releases.
public enum StableHash {
    /// FNV-1a, 64 bits (offset basis 0xCBF29CE484222325, prime 0x100000001B3), of `text`'s UTF-8.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// MurmurHash3's 64-bit finalizer (`fmix64`): every input bit reaches every output bit,
    /// so keys that differ only in their last characters (`cam-01`, `cam-02`) land far apart.
    public static func mix64(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k = k &* 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k = k &* 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }
}
