import Randomness
extension Shard {
    /// The shard, 0 ..< `count`, that serves the camera at `path` (normalized: no leading
    /// `/`). It depends on the path and the count alone, never on the other cameras, so
    /// adding or removing cameras moves no other camera; and going from N to N + 1 shards
    /// moves only the cameras the new shard takes (about 1/(N + 1) of them).
    ///
    /// The key is MurmurHash3's `fmix64` of the FNV-1a 64-bit hash of the path's UTF-8;
    /// the shard is Lamping and Veach's jump consistent hash of that key ("A Fast, Minimal
    /// Memory, Consistent Hash Algorithm", 2014), in IEEE 754 double arithmetic as
    /// published. This is a fixed format: the same on every platform and release.
    public static func index(ofPath path: String, count: Int) -> Int {
        jumpConsistentHash(key: StableHash.mix64(StableHash.fnv1a64(path)), buckets: count)
    }

    /// Jump consistent hash: `key` into one of `buckets` (≥ 1) buckets.
    static func jumpConsistentHash(key: UInt64, buckets: Int) -> Int {
        precondition(buckets >= 1, "jump consistent hash needs at least one bucket")
        var key = key
        var bucket: Int64 = -1
        var next: Int64 = 0
        while next < Int64(buckets) {
            bucket = next
            key = key &* 2_862_933_555_777_941_757 &+ 1
            next = Int64(Double(bucket + 1) * (Double(Int64(1) << 31) / Double((key >> 33) + 1)))
        }
        return Int(bucket)
    }
}
