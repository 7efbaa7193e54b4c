/// The leading fields of an H.265 SPS (ITU-T H.265 §7.3.2.2.1) a receiver reports: the
/// profile, tier and level, the chroma format and the picture size after the conformance
/// window (§7.4.3.2.1). Fields after the conformance window are not read.
public struct H265SequenceParameterSet: Hashable, Sendable {
    public var profileTierLevel: H265ProfileTierLevel
    public var chromaFormatIDC: UInt32
    /// pic_width_in_luma_samples and pic_height_in_luma_samples: the coded size.
    public var codedWidth: Int
    public var codedHeight: Int
    /// The size shown: the coded size less the conformance window.
    public var width: Int
    public var height: Int

    /// Largest coded width or height accepted: level 6.2 allows at most sqrt(8 x 35,651,584)
    /// = 16,888 luma samples a side (§A.4.1).
    public static let maxDimension = 16_888

    /// Parses an SPS NAL unit (its two-octet header included); nil when it is no SPS, is
    /// truncated, or gives a size out of bounds.
    public init?(_ nal: [UInt8]) {
        guard nal.count > H265NALHeader.size,
              H265NALHeader(nal[0], nal[1]).type == H265NALType.sequenceParameterSet else { return nil }
        var reader = RBSPBitReader(RawByteSequencePayload.extract(nal.dropFirst(H265NALHeader.size), limit: 512))
        guard let fields = try? Self.read(&reader) else { return nil }
        self = fields
    }

    private init(profileTierLevel: H265ProfileTierLevel, chroma: UInt32, coded: (Int, Int), shown: (Int, Int)) {
        self.profileTierLevel = profileTierLevel
        chromaFormatIDC = chroma
        (codedWidth, codedHeight) = coded
        (width, height) = shown
    }

    private static func read(_ reader: inout RBSPBitReader) throws(RBSPBitReader.Truncated) -> H265SequenceParameterSet? {
        _ = try reader.bits(4)  // sps_video_parameter_set_id
        let maxSubLayersMinus1 = Int(try reader.bits(3))
        _ = try reader.bits(1)  // sps_temporal_id_nesting_flag
        // profile_tier_level(1, sps_max_sub_layers_minus1) (§7.3.3): the general part, then
        // two flags per sub-layer, padding to eight, and each sub-layer's present fields.
        guard let general = H265ProfileTierLevel(rbsp: reader.bytes, at: 1) else { return nil }
        try reader.skip(H265ProfileTierLevel.size * 8)
        var present: [(profile: Bool, level: Bool)] = []
        for _ in 0..<maxSubLayersMinus1 { present.append((try reader.bits(1) == 1, try reader.bits(1) == 1)) }
        if maxSubLayersMinus1 > 0 { try reader.skip(2 * (8 - maxSubLayersMinus1)) }
        for layer in present {
            if layer.profile { try reader.skip(88) }
            if layer.level { try reader.skip(8) }
        }
        _ = try reader.unsignedExpGolomb()  // sps_seq_parameter_set_id
        let chroma = try reader.unsignedExpGolomb()
        guard chroma <= 3 else { return nil }
        var separateColourPlanes = false
        if chroma == 3 { separateColourPlanes = try reader.bits(1) == 1 }
        let codedWidth = Int(try reader.unsignedExpGolomb()), codedHeight = Int(try reader.unsignedExpGolomb())
        guard (1...maxDimension).contains(codedWidth), (1...maxDimension).contains(codedHeight) else { return nil }
        var window = (left: 0, right: 0, top: 0, bottom: 0)
        if try reader.bits(1) == 1 {
            window = (Int(try reader.unsignedExpGolomb()), Int(try reader.unsignedExpGolomb()),
                      Int(try reader.unsignedExpGolomb()), Int(try reader.unsignedExpGolomb()))
        }
        // SubWidthC and SubHeightC (Table 6-1); ChromaArrayType 0 with separate planes.
        let arrayType = separateColourPlanes ? 0 : chroma
        let subWidth = arrayType == 1 || arrayType == 2 ? 2 : 1
        let subHeight = arrayType == 1 ? 2 : 1
        let width = codedWidth - subWidth * (window.left + window.right)
        let height = codedHeight - subHeight * (window.top + window.bottom)
        guard width > 0, height > 0 else { return nil }
        return H265SequenceParameterSet(
            profileTierLevel: general, chroma: chroma, coded: (codedWidth, codedHeight), shown: (width, height))
    }

    /// The profile's name (Annex A): Main, Main 10, Main Still Picture, else `profile N`.
    public var profileName: String {
        switch profileTierLevel.profileIDC {
        case 1: "Main"
        case 2: "Main 10"
        case 3: "Main Still Picture"
        case 4: "Range Extensions"
        case let other: "profile \(other)"
        }
    }

    /// The level as written, general_level_idc / 30 (§A.4): 93 is 3.1.
    public var levelName: String {
        let level = Int(profileTierLevel.levelIDC)
        return level % 30 == 0 ? String(level / 30) : "\(level / 30).\(level % 30 / 3)"
    }
}

/// Reads `u(n)` and `ue(v)` (§9.2) from an RBSP (emulation prevention already removed);
/// reading past the end throws.
struct RBSPBitReader {
    struct Truncated: Error {}
    /// An Exp-Golomb code with more leading zeros than this cannot fit 32 bits.
    static let maxLeadingZeros = 31

    let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func bits(_ count: Int) throws(Truncated) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard position < bytes.count * 8 else { throw Truncated() }
            value = value << 1 | UInt32(bytes[position >> 3] >> (7 - UInt8(position & 7)) & 1)
            position += 1
        }
        return value
    }

    mutating func skip(_ count: Int) throws(Truncated) {
        guard position + count <= bytes.count * 8 else { throw Truncated() }
        position += count
    }

    mutating func unsignedExpGolomb() throws(Truncated) -> UInt32 {
        var zeros = 0
        while try bits(1) == 0 {
            zeros += 1
            guard zeros <= Self.maxLeadingZeros else { throw Truncated() }
        }
        guard zeros > 0 else { return 0 }
        return UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(zeros)) - 1 + UInt64(try bits(zeros)))
    }
}
