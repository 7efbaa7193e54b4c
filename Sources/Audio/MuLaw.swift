/// G.711 μ-law (ITU-T G.711 Tables 2a/2b). The standard's 14-bit sign-magnitude input is the
/// top 14 bits of an Int16, negative values taken as their one's complement, as the ITU-T
/// G.191 reference software does. A code word is the one's complement of
/// sign · segment(3) · step(4); magnitudes are biased by 33 so each segment doubles the step,
/// and the decision levels are those of the standard (which differ from a nearest-level
/// quantiser at segment edges).
public enum MuLaw {
    /// The bias of the 14-bit magnitude (33), which makes segment boundaries powers of two.
    static let bias: Int32 = 33
    /// The largest biased magnitude the top segment holds (8191); larger inputs saturate to it.
    static let clip: Int32 = 8191 - bias

    @inline(__always)
    public static func encode(_ sample: Int16) -> UInt8 {
        let negative = sample < 0
        let value = Int32(negative ? ~sample : sample) >> 2  // 14-bit magnitude
        let magnitude = min(value, clip) + bias  // 33 ... 8191
        // Segment: the position of the highest set bit above bit 5 (0 ... 7).
        let segment = 31 - (magnitude >> 5).leadingZeroBitCount
        let step = (magnitude >> (segment + 1)) & 0x0F
        let sign: UInt8 = negative ? 0x80 : 0
        return ~(sign | UInt8(segment << 4) | UInt8(step))
    }

    @inline(__always)
    public static func decode(_ code: UInt8) -> Int16 {
        let bits = ~code
        let segment = Int32((bits >> 4) & 0x7)
        let step = Int32(bits & 0x0F)
        // Reconstruction level: the middle of the step, (2·step + 33)·2^segment − 33, in
        // 14-bit units; times 4 for 16 bits.
        let magnitude = (((2 * step + bias) << segment) - bias) << 2
        return Int16(bits & 0x80 != 0 ? -magnitude : magnitude)
    }
}
