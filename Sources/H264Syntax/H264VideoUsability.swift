/// The start of an SPS's video usability information (ITU-T H.264 Annex E.1.1), up to and
/// including the timing information a receiver needs for the frame rate.
public struct H264VideoUsability: Hashable, Sendable {
    /// aspect_ratio_idc 255: the sample aspect ratio follows as two 16-bit numbers.
    public static let extendedSAR: UInt32 = 255

    /// num_units_in_tick, time_scale and fixed_frame_rate_flag (E.2.1).
    public struct Timing: Hashable, Sendable {
        public var numUnitsInTick: UInt32
        public var timeScale: UInt32
        public var fixedFrameRate: Bool
        public init(numUnitsInTick: UInt32, timeScale: UInt32, fixedFrameRate: Bool) {
            self.numUnitsInTick = numUnitsInTick
            self.timeScale = timeScale
            self.fixedFrameRate = fixedFrameRate
        }
    }

    /// aspect_ratio_idc (Table E-1), nil when absent.
    public var aspectRatioIDC: UInt32?
    /// sar_width and sar_height when aspect_ratio_idc is 255.
    public var sampleAspectRatio: [UInt32]?
    public var videoFullRange = false
    /// colour_primaries, transfer_characteristics, matrix_coefficients (Tables E-3...E-5).
    public var colourDescription: [UInt32]?
    /// Nil when timing_info_present_flag is 0.
    public var timing: Timing?

    public init() {}

    /// Reads vui_parameters() up to the timing information (E.1.1).
    static func parse(_ reader: inout H264BitReader) throws(H264SyntaxError) -> H264VideoUsability {
        var vui = H264VideoUsability()
        if try reader.readFlag() {  // aspect_ratio_info_present_flag
            let idc = try reader.readBits(8)
            vui.aspectRatioIDC = idc
            if idc == extendedSAR { vui.sampleAspectRatio = [try reader.readBits(16), try reader.readBits(16)] }
        }
        if try reader.readFlag() {  // overscan_info_present_flag
            _ = try reader.readFlag()  // overscan_appropriate_flag
        }
        if try reader.readFlag() {  // video_signal_type_present_flag
            _ = try reader.readBits(3)  // video_format
            vui.videoFullRange = try reader.readFlag()
            if try reader.readFlag() {  // colour_description_present_flag
                vui.colourDescription = [try reader.readBits(8), try reader.readBits(8), try reader.readBits(8)]
            }
        }
        if try reader.readFlag() {  // chroma_loc_info_present_flag
            _ = try reader.readUnsignedExpGolomb("chroma_sample_loc_type_top_field", max: 5)
            _ = try reader.readUnsignedExpGolomb("chroma_sample_loc_type_bottom_field", max: 5)
        }
        if try reader.readFlag() {  // timing_info_present_flag
            vui.timing = Timing(
                numUnitsInTick: try reader.readBits(32), timeScale: try reader.readBits(32),
                fixedFrameRate: try reader.readFlag())
        }
        return vui
    }
}
