extension H264SequenceParameterSet {
    /// Reads seq_parameter_set_data() (§7.3.2.1.1) from an SPS NAL unit: its one-byte
    /// header, then the RBSP. Throws on a NAL unit of another type, truncation, or a field
    /// out of the range §7.4.2.1.1 allows.
    public static func parse(_ nalUnit: [UInt8]) throws(H264SyntaxError) -> H264SequenceParameterSet {
        guard let first = nalUnit.first else { throw .truncated }
        let type = H264NALHeader(rawValue: first).type
        guard type == H264NALType.sequenceParameterSet else { throw .wrongNALType(type) }
        var reader = H264BitReader(nalUnit, offset: 1)
        var sps = H264SequenceParameterSet(
            profileIDC: UInt8(try reader.readBits(8)),
            constraintFlags: UInt8(try reader.readBits(8)),
            levelIDC: UInt8(try reader.readBits(8)),
            id: try reader.readUnsignedExpGolomb("seq_parameter_set_id", max: 31)
        )
        if highProfiles.contains(sps.profileIDC) {
            sps.chromaFormatIDC = try reader.readUnsignedExpGolomb("chroma_format_idc", max: 3)
            if sps.chromaFormatIDC == 3 { sps.separateColourPlane = try reader.readFlag() }
            sps.bitDepthLuma = 8 + (try reader.readUnsignedExpGolomb("bit_depth_luma_minus8", max: 6))
            sps.bitDepthChroma = 8 + (try reader.readUnsignedExpGolomb("bit_depth_chroma_minus8", max: 6))
            _ = try reader.readFlag()  // qpprime_y_zero_transform_bypass_flag
            if try reader.readFlag() {  // seq_scaling_matrix_present_flag
                let lists = sps.chromaFormatIDC == 3 ? 12 : 8
                for index in 0..<lists where try reader.readFlag() {
                    try skipScalingList(&reader, size: index < 6 ? 16 : 64)
                }
            }
        }
        sps.log2MaxFrameNum = 4 + (try reader.readUnsignedExpGolomb("log2_max_frame_num_minus4", max: 12))
        sps.picOrderCountType = try reader.readUnsignedExpGolomb("pic_order_cnt_type", max: 2)
        if sps.picOrderCountType == 0 {
            _ = try reader.readUnsignedExpGolomb("log2_max_pic_order_cnt_lsb_minus4", max: 12)
        } else if sps.picOrderCountType == 1 {
            _ = try reader.readFlag()  // delta_pic_order_always_zero_flag
            _ = try reader.readSignedExpGolomb()  // offset_for_non_ref_pic
            _ = try reader.readSignedExpGolomb()  // offset_for_top_to_bottom_field
            let cycle = try reader.readUnsignedExpGolomb(
                "num_ref_frames_in_pic_order_cnt_cycle", max: maxRefFramesInPicOrderCntCycle)
            for _ in 0..<cycle { _ = try reader.readSignedExpGolomb() }  // offset_for_ref_frame
        }
        sps.maxNumRefFrames = try reader.readUnsignedExpGolomb("max_num_ref_frames", max: 16)
        _ = try reader.readFlag()  // gaps_in_frame_num_value_allowed_flag
        sps.widthInMacroblocks = 1 + (try reader.readUnsignedExpGolomb("pic_width_in_mbs_minus1", max: maxWidthInMacroblocks - 1))
        sps.heightInMapUnits = 1 + (try reader.readUnsignedExpGolomb("pic_height_in_map_units_minus1", max: maxHeightInMapUnits - 1))
        sps.frameMacroblocksOnly = try reader.readFlag()
        if !sps.frameMacroblocksOnly { _ = try reader.readFlag() }  // mb_adaptive_frame_field_flag
        _ = try reader.readFlag()  // direct_8x8_inference_flag
        if try reader.readFlag() {  // frame_cropping_flag
            let limit = maxWidthInMacroblocks * 16
            sps.crop = Crop(
                left: try reader.readUnsignedExpGolomb("frame_crop_left_offset", max: limit),
                right: try reader.readUnsignedExpGolomb("frame_crop_right_offset", max: limit),
                top: try reader.readUnsignedExpGolomb("frame_crop_top_offset", max: limit),
                bottom: try reader.readUnsignedExpGolomb("frame_crop_bottom_offset", max: limit)
            )
        }
        if try reader.readFlag() {  // vui_parameters_present_flag
            sps.vui = try H264VideoUsability.parse(&reader)
        }
        return sps
    }

    /// scaling_list() (§7.3.2.1.1.1): read only to get past it.
    static func skipScalingList(_ reader: inout H264BitReader, size: Int) throws(H264SyntaxError) {
        var lastScale: Int32 = 8
        var nextScale: Int32 = 8
        for _ in 0..<size where nextScale != 0 {
            let delta = try reader.readSignedExpGolomb()
            guard (-128...127).contains(delta) else { throw .outOfRange(field: "delta_scale", value: Int64(delta)) }
            nextScale = (lastScale + delta + 256) % 256
            lastScale = nextScale == 0 ? lastScale : nextScale
        }
    }
}
