/// G.711 A-law (ITU-T G.711 Tables 1a/1b). The standard's 13-bit sign-magnitude input is the
/// top 13 bits of an Int16, negative values taken as their one's complement, as the ITU-T
/// G.191 reference software does. A code word is sign · segment(3) · step(4) with the even bits
/// inverted (XOR 0x55); the sign bit is 1 for positive values.
public enum ALaw {
    /// The inversion of the even bits, applied to every code word.
    static let evenBits: UInt8 = 0x55

    @inline(__always)
    public static func encode(_ sample: Int16) -> UInt8 {
        var value = Int32(sample) >> 3  // 13 bits
        let sign: UInt8
        if value >= 0 {
            sign = 0x80
        } else {
            sign = 0
            value = ~value  // one's complement: −1 ... −8 share step 0 with 0 ... 7
        }
        // Segment 0 and 1 share a step of 2 (13-bit units); from 2 on the step doubles.
        let segment = value < 32 ? 0 : min(8, 27 - value.leadingZeroBitCount)
        let code: UInt8
        if segment >= 8 {
            code = 0x7F
        } else {
            let step = (segment < 2 ? value >> 1 : value >> segment) & 0x0F
            code = UInt8(segment << 4) | UInt8(step)
        }
        return (sign | code) ^ evenBits
    }

    @inline(__always)
    public static func decode(_ code: UInt8) -> Int16 {
        let bits = code ^ evenBits
        let segment = Int32((bits >> 4) & 0x7)
        let step = Int32(bits & 0x0F)
        // Reconstruction level in 13-bit units: 2·step + 1 in segment 0, (2·step + 33)·2^(segment−1)
        // above; times 8 for 16 bits.
        let magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 0x108) << (segment - 1)
        return Int16(bits & 0x80 != 0 ? magnitude : -magnitude)
    }
}
