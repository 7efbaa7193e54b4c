/// The fields of a sequence parameter set (ITU-T H.264 §7.3.2.1.1) a receiver reports:
/// profile, level, picture size after cropping, and the VUI frame timing (Annex E).
/// `parse` reads a NAL unit (header included, no start code) and stops after the VUI
/// timing information; what follows it (HRD, bitstream restriction) is not read.
public struct H264SequenceParameterSet: Hashable, Sendable {
    /// frame_crop_{left,right,top,bottom}_offset, in crop units (§7.4.2.1.1).
    public struct Crop: Hashable, Sendable {
        public var left: UInt32 = 0
        public var right: UInt32 = 0
        public var top: UInt32 = 0
        public var bottom: UInt32 = 0
        public init(left: UInt32 = 0, right: UInt32 = 0, top: UInt32 = 0, bottom: UInt32 = 0) {
            self.left = left
            self.right = right
            self.top = top
            self.bottom = bottom
        }
    }

    /// Limits that keep arithmetic on network input in range (§A.3 allows far less).
    public static let maxWidthInMacroblocks: UInt32 = 1 << 12
    public static let maxHeightInMapUnits: UInt32 = 1 << 12
    /// §7.4.2.1.1: num_ref_frames_in_pic_order_cnt_cycle is 0...255.
    public static let maxRefFramesInPicOrderCntCycle: UInt32 = 255
    /// Profiles whose SPS carries chroma_format_idc and bit depths (§7.3.2.1.1).
    public static let highProfiles: Set<UInt8> = [100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]

    public var profileIDC: UInt8
    /// constraint_set0_flag...constraint_set5_flag and the two reserved bits.
    public var constraintFlags: UInt8
    public var levelIDC: UInt8
    public var id: UInt32
    /// 0 monochrome, 1 4:2:0 (the default when absent), 2 4:2:2, 3 4:4:4.
    public var chromaFormatIDC: UInt32 = 1
    public var separateColourPlane = false
    public var bitDepthLuma: UInt32 = 8
    public var bitDepthChroma: UInt32 = 8
    public var log2MaxFrameNum: UInt32 = 4
    public var picOrderCountType: UInt32 = 0
    public var maxNumRefFrames: UInt32 = 0
    public var widthInMacroblocks: UInt32 = 0
    /// pic_height_in_map_units_minus1 + 1: macroblock rows of a frame, or of a field when
    /// `frameMacroblocksOnly` is false.
    public var heightInMapUnits: UInt32 = 0
    public var frameMacroblocksOnly = true
    public var crop = Crop()
    /// The VUI (Annex E.1.1) fields up to the timing information, nil when absent.
    public var vui: H264VideoUsability?

    public init(profileIDC: UInt8, constraintFlags: UInt8, levelIDC: UInt8, id: UInt32) {
        self.profileIDC = profileIDC
        self.constraintFlags = constraintFlags
        self.levelIDC = levelIDC
        self.id = id
    }
}

extension H264SequenceParameterSet {
    /// §7.4.2.1.1 ChromaArrayType: 0 when the colour planes are coded apart.
    public var chromaArrayType: UInt32 { separateColourPlane ? 0 : chromaFormatIDC }

    /// CropUnitX and CropUnitY (§7.4.2.1.1, Table 6-1 SubWidthC/SubHeightC).
    public var cropUnit: (x: UInt32, y: UInt32) {
        let fieldFactor: UInt32 = frameMacroblocksOnly ? 1 : 2
        switch chromaArrayType {
        case 0: return (1, fieldFactor)
        case 1: return (2, 2 * fieldFactor)
        case 2: return (2, fieldFactor)
        default: return (1, fieldFactor)
        }
    }

    /// Width in luma samples after cropping (0 if the cropping exceeds the picture).
    public var width: Int {
        let full = Int(widthInMacroblocks) * 16
        return max(0, full - Int(cropUnit.x) * (Int(crop.left) + Int(crop.right)))
    }

    /// Height of a frame in luma samples after cropping.
    public var height: Int {
        let full = (frameMacroblocksOnly ? 1 : 2) * Int(heightInMapUnits) * 16
        return max(0, full - Int(cropUnit.y) * (Int(crop.top) + Int(crop.bottom)))
    }

    /// Frames per second from the VUI timing (Annex E.2.1: a frame is two ticks, so
    /// time_scale ÷ (2 × num_units_in_tick)); nil without timing information.
    public var framesPerSecond: Double? {
        guard let timing = vui?.timing, timing.numUnitsInTick > 0, timing.timeScale > 0 else { return nil }
        return Double(timing.timeScale) / (2 * Double(timing.numUnitsInTick))
    }

    /// A profile's name (Annex A.2), or "profile N" for one this table lacks.
    public var profileName: String {
        switch profileIDC {
        case 66: constraintFlags & 0x40 != 0 ? "Constrained Baseline" : "Baseline"
        case 77: "Main"
        case 88: "Extended"
        case 100: "High"
        case 110: "High 10"
        case 122: "High 4:2:2"
        case 244: "High 4:4:4 Predictive"
        case 44: "CAVLC 4:4:4 Intra"
        default: "profile \(profileIDC)"
        }
    }

    /// The level as written ("3.1"; level_idc 9 is 1b, and 11 with constraint_set3 in
    /// Baseline/Main/Extended is 1b too, §A.3.1).
    public var levelName: String {
        if levelIDC == 9 || levelIDC == 11 && constraintFlags & 0x10 != 0 && [66, 77, 88].contains(profileIDC) {
            return "1b"
        }
        return levelIDC % 10 == 0 ? "\(levelIDC / 10)" : "\(levelIDC / 10).\(levelIDC % 10)"
    }
}
