/// The bytes libFuzzer hands a target, copied into an array, and the ways the targets cut
/// them up.
public enum FuzzInput {
    /// The input as an array; libFuzzer may pass a null pointer for an empty input.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as text, invalid UTF-8 replaced, as the parsers that take a `String` see it.
    public static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Cuts `bytes` into chunks whose lengths come from a generator seeded by the bytes
    /// themselves, so a given input is always cut the same way, and the cuts differ between
    /// inputs. Chunks are 1...`maximumChunk` bytes; every byte is in exactly one chunk.
    public static func chunks(_ bytes: [UInt8], maximumChunk: Int = 16) -> [ArraySlice<UInt8>] {
        var state = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        for byte in bytes.prefix(64) { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            // SplitMix64 step (deterministic, no allocation).
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            let length = 1 + Int(mixed % UInt64(maximumChunk))
            let end = min(bytes.count, start + length)
            chunks.append(bytes[start..<end])
            start = end
        }
        return chunks
    }
}
