/// NAL unit type numbers camsim reads and writes (ITU-T H.265 Table 7-1), and the RTP
/// payload structures RFC 7798 puts in the unspecified types 48-50 (RFC 7798 §4.4).
public enum H265NALType {
    public static let trailN: UInt8 = 0
    public static let trailR: UInt8 = 1
    /// First of the IRAP types (BLA_W_LP); IRAP pictures are 16...23 (H.265 §7.4.2.2).
    public static let blaWithLeadingPictures: UInt8 = 16
    public static let idrWithRADL: UInt8 = 19
    public static let idrNoLeadingPictures: UInt8 = 20
    public static let cleanRandomAccess: UInt8 = 21
    /// Last of the IRAP types (RSV_IRAP_VCL23).
    public static let lastIRAP: UInt8 = 23
    /// Last of the VCL types (RSV_VCL31); 0...31 carry slice data.
    public static let lastVCL: UInt8 = 31
    public static let videoParameterSet: UInt8 = 32
    public static let sequenceParameterSet: UInt8 = 33
    public static let pictureParameterSet: UInt8 = 34
    public static let accessUnitDelimiter: UInt8 = 35
    public static let endOfSequence: UInt8 = 36
    public static let endOfBitstream: UInt8 = 37
    public static let fillerData: UInt8 = 38
    public static let prefixSEI: UInt8 = 39
    public static let suffixSEI: UInt8 = 40
    /// Aggregation Packet (RFC 7798 §4.4.2).
    public static let aggregationPacket: UInt8 = 48
    /// Fragmentation Unit (RFC 7798 §4.4.3).
    public static let fragmentationUnit: UInt8 = 49
    /// PACI packet (RFC 7798 §4.4.4).
    public static let payloadContentInformation: UInt8 = 50

    /// An IRAP picture's slice (H.265 §3.73): BLA, IDR or CRA, where decoding may start.
    public static func isIRAP(_ type: UInt8) -> Bool {
        (blaWithLeadingPictures...lastIRAP).contains(type)
    }

    /// An IDR picture's slice (IDR_W_RADL or IDR_N_LP).
    public static func isIDR(_ type: UInt8) -> Bool {
        type == idrWithRADL || type == idrNoLeadingPictures
    }

    /// VPS, SPS or PPS.
    public static func isParameterSet(_ type: UInt8) -> Bool {
        (videoParameterSet...pictureParameterSet).contains(type)
    }
}
