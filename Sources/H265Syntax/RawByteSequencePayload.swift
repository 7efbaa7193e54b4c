/// The RBSP inside a NAL unit: its payload with every emulation prevention octet removed
/// (ITU-T H.265 §7.3.1.1, §7.4.2: within a NAL unit, 0x000003 stands for 0x0000 and the
/// 0x03 is dropped). Syntax elements are read from the RBSP, not from the NAL unit's octets.
public enum RawByteSequencePayload {
    /// The RBSP of `payload` (the octets after the NAL unit header), at most `limit` octets of it.
    public static func extract(_ payload: some Collection<UInt8>, limit: Int = .max) -> [UInt8] {
        var rbsp: [UInt8] = []
        rbsp.reserveCapacity(min(payload.count, limit))
        var zeros = 0
        for byte in payload {
            guard rbsp.count < limit else { break }
            if zeros >= 2 && byte == 0x03 {
                zeros = 0
                continue
            }
            zeros = byte == 0 ? zeros + 1 : 0
            rbsp.append(byte)
        }
        return rbsp
    }
}
