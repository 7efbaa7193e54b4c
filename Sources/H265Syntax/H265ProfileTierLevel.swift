/// The general part of profile_tier_level() (ITU-T H.265 §7.3.3), as RFC 7798 §7.1 carries it
/// in `profile-space`, `tier-flag`, `profile-id`, `level-id` and `interop-constraints`.
///
/// It opens with whole octets, so it is read octet-wise from the RBSP:
///
///     general_profile_space u(2) | general_tier_flag u(1) | general_profile_idc u(5)
///     general_profile_compatibility_flag[32]                 (4 octets)
///     progressive, interlaced, non_packed, frame_only, 44 constraint bits   (6 octets)
///     general_level_idc u(8)
public struct H265ProfileTierLevel: Hashable, Sendable {
    /// Octets of the general part, from general_profile_space to general_level_idc.
    public static let size = 12

    /// general_profile_space, 0...3.
    public var profileSpace: UInt8
    /// general_tier_flag: false is the Main tier, true the High tier.
    public var tierFlag: Bool
    /// general_profile_idc, 0...31 (1: Main, 2: Main 10, 3: Main Still Picture).
    public var profileIDC: UInt8
    /// The 32 general_profile_compatibility_flags, flag 0 the most significant bit.
    public var compatibilityFlags: UInt32
    /// The 48 bits from general_progressive_source_flag to the end of the constraint flags,
    /// RFC 7798's `interop-constraints`, in the low 48 bits.
    public var constraintFlags: UInt64
    /// general_level_idc: 30 times the level number (93 is level 3.1).
    public var levelIDC: UInt8

    public init(
        profileSpace: UInt8 = 0, tierFlag: Bool = false, profileIDC: UInt8, compatibilityFlags: UInt32 = 0,
        constraintFlags: UInt64 = 0, levelIDC: UInt8
    ) {
        self.profileSpace = profileSpace
        self.tierFlag = tierFlag
        self.profileIDC = profileIDC
        self.compatibilityFlags = compatibilityFlags
        self.constraintFlags = constraintFlags
        self.levelIDC = levelIDC
    }

    /// Reads the general part from `rbsp` at `offset`; nil when it is too short.
    public init?(rbsp: [UInt8], at offset: Int) {
        guard offset >= 0, rbsp.count - offset >= Self.size else { return nil }
        let first = rbsp[offset]
        profileSpace = first >> 6
        tierFlag = first & 0x20 != 0
        profileIDC = first & 0x1F
        compatibilityFlags = rbsp[(offset + 1)...(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
        constraintFlags = rbsp[(offset + 5)...(offset + 10)].reduce(0) { $0 << 8 | UInt64($1) }
        levelIDC = rbsp[offset + 11]
    }

    /// From an SPS NAL unit (header included): after sps_video_parameter_set_id u(4),
    /// sps_max_sub_layers_minus1 u(3) and sps_temporal_id_nesting_flag u(1) (H.265 §7.3.2.2).
    public init?(sequenceParameterSet nal: [UInt8]) {
        guard nal.count > H265NALHeader.size,
              H265NALHeader(nal[0], nal[1]).type == H265NALType.sequenceParameterSet else { return nil }
        let rbsp = RawByteSequencePayload.extract(nal.dropFirst(H265NALHeader.size), limit: 1 + Self.size)
        self.init(rbsp: rbsp, at: 1)
    }

    /// From a VPS NAL unit (header included): after four octets of VPS fields up to
    /// vps_reserved_0xffff_16bits (H.265 §7.3.2.1).
    public init?(videoParameterSet nal: [UInt8]) {
        guard nal.count > H265NALHeader.size,
              H265NALHeader(nal[0], nal[1]).type == H265NALType.videoParameterSet else { return nil }
        let rbsp = RawByteSequencePayload.extract(nal.dropFirst(H265NALHeader.size), limit: 4 + Self.size)
        self.init(rbsp: rbsp, at: 4)
    }
}
