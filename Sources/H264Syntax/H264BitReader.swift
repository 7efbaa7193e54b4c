/// Reads the bits of a NAL unit's RBSP (ITU-T H.264 §7.2): fixed-width fields `u(n)` and
/// Exp-Golomb codes `ue(v)`/`se(v)` (§9.1). Emulation prevention bytes (the 0x03 of
/// 0x000003, §7.4.1) are skipped as it reads, so the NAL unit needs no copy. Every read
/// past the end throws rather than traps.
public struct H264BitReader {
    /// An Exp-Golomb code longer than this many leading zeros cannot encode a value that
    /// fits 32 bits (§9.1); such input is rejected.
    public static let maxLeadingZeros = 31

    let bytes: [UInt8]
    /// Index of the byte being read.
    var index: Int
    /// Bits of `bytes[index]` already read, 0...7.
    var bitOffset = 0
    /// Zero bytes just before `index`, for spotting emulation prevention.
    var zeros = 0

    /// A reader of `bytes` starting at byte `offset` (1 skips the NAL unit header).
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        index = offset
        skipEmulationPrevention()
    }

    /// Bits left, emulation prevention bytes included (an upper bound).
    public var bitsLeft: Int { max(0, (bytes.count - index) * 8 - bitOffset) }

    /// u(1).
    public mutating func readFlag() throws(H264SyntaxError) -> Bool { try readBits(1) == 1 }

    /// u(n), n in 0...32.
    public mutating func readBits(_ count: Int) throws(H264SyntaxError) -> UInt32 {
        precondition(count >= 0 && count <= 32)
        var value: UInt32 = 0
        for _ in 0..<count {
            guard index < bytes.count else { throw .truncated }
            let bit = bytes[index] >> (7 - UInt8(bitOffset)) & 1
            value = value << 1 | UInt32(bit)
            bitOffset += 1
            if bitOffset == 8 {
                zeros = bytes[index] == 0 ? zeros + 1 : 0
                bitOffset = 0
                index += 1
                skipEmulationPrevention()
            }
        }
        return value
    }

    /// ue(v) (§9.1): leading zeros, a one, then as many bits again.
    public mutating func readUnsignedExpGolomb() throws(H264SyntaxError) -> UInt32 {
        var leadingZeros = 0
        while try !readFlag() {
            leadingZeros += 1
            guard leadingZeros <= Self.maxLeadingZeros else { throw .expGolombTooLong }
        }
        guard leadingZeros > 0 else { return 0 }
        let suffix = UInt64(try readBits(leadingZeros))
        return UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(leadingZeros)) - 1 + suffix)
    }

    /// se(v) (§9.1.1): ue(v) k mapped to (−1)^(k+1) × ⌈k ÷ 2⌉.
    public mutating func readSignedExpGolomb() throws(H264SyntaxError) -> Int32 {
        let code = Int64(try readUnsignedExpGolomb())
        let magnitude = (code + 1) / 2
        return Int32(truncatingIfNeeded: code % 2 == 1 ? magnitude : -magnitude)
    }

    /// ue(v) that must not exceed `limit`; `field` names it in the error.
    public mutating func readUnsignedExpGolomb(_ field: String, max limit: UInt32) throws(H264SyntaxError) -> UInt32 {
        let value = try readUnsignedExpGolomb()
        guard value <= limit else { throw .outOfRange(field: field, value: Int64(value)) }
        return value
    }

    /// §7.4.1: within a NAL unit, 0x000003 carries an emulation prevention byte that is not
    /// part of the RBSP.
    mutating func skipEmulationPrevention() {
        if zeros >= 2, index < bytes.count, bytes[index] == 0x03 {
            index += 1
            zeros = 0
        }
    }
}
