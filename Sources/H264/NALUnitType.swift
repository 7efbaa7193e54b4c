/// H.264 NAL unit types that camsim looks at (ITU-T H.264 Table 7-1).
public enum NALUnitType {
    public static let nonIDRSlice: UInt8 = 1
    public static let idrSlice: UInt8 = 5
    public static let supplementalEnhancementInformation: UInt8 = 6
    public static let sequenceParameterSet: UInt8 = 7
    public static let pictureParameterSet: UInt8 = 8
    public static let accessUnitDelimiter: UInt8 = 9

    /// nal_unit_type is the low five bits of the NAL header byte (H.264 §7.3.1).
    @inline(__always)
    public static func of(headerByte: UInt8) -> UInt8 { headerByte & 0x1F }
}
