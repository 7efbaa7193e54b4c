/// The one-octet H.264 NAL unit header (ITU-T H.264 §7.3.1; RFC 6184 §1.3), also the
/// layout of the STAP-A header and the FU indicator.
///
///     +---------------+
///     |0|1|2|3|4|5|6|7|
///     +-+-+-+-+-+-+-+-+
///     |F|NRI|  Type   |
///     +---------------+
public struct H264NALHeader: Hashable, Sendable {
    public static let forbiddenMask: UInt8 = 0x80
    public static let nriMask: UInt8 = 0x60
    public static let typeMask: UInt8 = 0x1F

    public var rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(forbidden: Bool = false, nri: UInt8, type: UInt8) {
        rawValue = (forbidden ? Self.forbiddenMask : 0) | (nri << 5 & Self.nriMask) | (type & Self.typeMask)
    }

    /// F: forbidden_zero_bit; 1 flags a possibly corrupted NAL unit.
    public var forbidden: Bool { rawValue & Self.forbiddenMask != 0 }
    /// NRI: nal_ref_idc, 0...3.
    public var nri: UInt8 { (rawValue & Self.nriMask) >> 5 }
    /// nal_unit_type, 0...31.
    public var type: UInt8 { rawValue & Self.typeMask }
}

/// NAL unit type numbers camsim reads and writes (ITU-T H.264 Table 7-1), and the
/// RTP payload structures RFC 6184 puts in the unspecified types 24-29 (RFC 6184 Table 1).
public enum H264NALType {
    public static let nonIDRSlice: UInt8 = 1
    public static let idrSlice: UInt8 = 5
    public static let sei: UInt8 = 6
    public static let sequenceParameterSet: UInt8 = 7
    public static let pictureParameterSet: UInt8 = 8
    public static let accessUnitDelimiter: UInt8 = 9
    public static let fillerData: UInt8 = 12
    /// Single-time aggregation packet (RFC 6184 §5.7.1).
    public static let stapA: UInt8 = 24
    public static let stapB: UInt8 = 25
    public static let mtap16: UInt8 = 26
    public static let mtap24: UInt8 = 27
    /// Fragmentation unit without DON (RFC 6184 §5.8).
    public static let fuA: UInt8 = 28
    public static let fuB: UInt8 = 29
}
