import H264Syntax
import Testing

@Suite("H264SequenceParameterSet")
struct H264SequenceParameterSetTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let hex: String
        let profile: String
        let level: String
        let width: Int
        let height: Int
        let fps: Double
        var description: String { name }
    }

    /// SPS NAL units from libx264 through ffmpeg (`-f lavfi -i testsrc=size=…:rate=…
    /// -c:v libx264`), with the values ffprobe reports for the same streams.
    static let cases: [Case] = [
        Case(
            name: "baseline 320x240 25 fps", hex: "6742c00dd90141fb011000000300100000030320f142a480",
            profile: "Constrained Baseline", level: "1.3", width: 320, height: 240, fps: 25),
        Case(
            name: "high 1080p 29.97 fps, cropped from 1088",
            hex: "67640028acd940780227e5c04400000fa40003a9803c60c658",
            profile: "High", level: "4", width: 1920, height: 1080, fps: 30_000.0 / 1_001),
        Case(
            name: "high 576i 25 fps (field macroblocks)", hex: "6764001eacd940b424d8088000000300800000190f8a14cb",
            profile: "High", level: "3", width: 720, height: 576, fps: 25),
        Case(
            name: "high 720p 60 fps", hex: "67640020acd9405005bb0110000003001000000780f1831960",
            profile: "High", level: "3.2", width: 1280, height: 720, fps: 60),
        Case(
            name: "high 4:4:4 CIF 50 fps", hex: "67f40015919b282c12d808800000030080000032078b16cb",
            profile: "High 4:4:4 Predictive", level: "2.1", width: 352, height: 288, fps: 50),
    ]

    @Test(arguments: cases)
    func readsSizeProfileLevelAndFrameRate(_ sample: Case) throws {
        let sps = try H264SequenceParameterSet.parse(hexBytes(sample.hex))
        #expect(sps.profileName == sample.profile)
        #expect(sps.levelName == sample.level)
        #expect(sps.width == sample.width)
        #expect(sps.height == sample.height)
        #expect(try #require(sps.framesPerSecond) == sample.fps)
    }

    @Test func readsTheFieldsBehindTheSizes() throws {
        let interlaced = try H264SequenceParameterSet.parse(hexBytes(Self.cases[2].hex))
        #expect(!interlaced.frameMacroblocksOnly)
        #expect(interlaced.heightInMapUnits == 18)
        let hd = try H264SequenceParameterSet.parse(hexBytes(Self.cases[1].hex))
        #expect(hd.heightInMapUnits == 68)
        #expect(hd.crop == .init(bottom: 4))
        #expect(hd.vui?.timing == .init(numUnitsInTick: 1_001, timeScale: 60_000, fixedFrameRate: false))
        let full = try H264SequenceParameterSet.parse(hexBytes(Self.cases[4].hex))
        #expect(full.chromaFormatIDC == 3)
        #expect(full.cropUnit.x == 1)
    }

    /// Every prefix of a real SPS is refused with an error, never a trap.
    @Test(arguments: cases)
    func everyTruncationIsAnError(_ sample: Case) {
        let bytes = hexBytes(sample.hex)
        // The VUI timing ends a few bytes before the NAL unit does (HRD/bitstream restriction
        // follow it), so only prefixes shorter than the timing are sure to fail.
        for length in 0..<(bytes.count - 6) {
            #expect(throws: H264SyntaxError.self) { try H264SequenceParameterSet.parse(Array(bytes.prefix(length))) }
        }
    }

    @Test func refusesAnotherNALType() {
        #expect(throws: H264SyntaxError.wrongNALType(8)) { try H264SequenceParameterSet.parse([0x68, 0xCE, 0x3C, 0x80]) }
    }

    /// A High-profile SPS with a scaling matrix (one list sent, the rest absent), picture
    /// order type 1 and cropping, written bit by bit.
    @Test func getsPastScalingListsAndPictureOrderType1() throws {
        var writer = BitWriter()
        writer.bits(0x67, 8)
        writer.bits(100, 8)  // profile_idc High
        writer.bits(0, 8)
        writer.bits(31, 8)  // level 3.1
        writer.ue(0)  // seq_parameter_set_id
        writer.ue(1)  // chroma_format_idc 4:2:0
        writer.ue(0)
        writer.ue(0)
        writer.bits(0, 1)
        writer.bits(1, 1)  // seq_scaling_matrix_present_flag
        writer.bits(1, 1)  // list 0 present: 16 deltas, the third ends it (next scale 0)
        writer.se(3)
        writer.se(-2)
        writer.se(-9)
        for _ in 1..<8 { writer.bits(0, 1) }
        writer.ue(0)  // log2_max_frame_num_minus4
        writer.ue(1)  // pic_order_cnt_type 1
        writer.bits(0, 1)
        writer.se(-1)
        writer.se(2)
        writer.ue(2)
        writer.se(5)
        writer.se(-5)
        writer.ue(3)  // max_num_ref_frames
        writer.bits(0, 1)
        writer.ue(39)  // 640 wide
        writer.ue(29)  // 480 high
        writer.bits(1, 1)
        writer.bits(1, 1)
        writer.bits(1, 1)  // frame_cropping_flag
        writer.ue(2)  // left: 4 pixels
        writer.ue(0)
        writer.ue(0)
        writer.ue(4)  // bottom: 8 lines
        writer.bits(1, 1)  // vui
        writer.bits(1, 1)
        writer.bits(255, 8)  // extended SAR
        writer.bits(4, 16)
        writer.bits(3, 16)
        writer.bits(0, 1)
        writer.bits(0, 1)
        writer.bits(0, 1)
        writer.bits(1, 1)  // timing
        writer.bits(1, 32)
        writer.bits(30, 32)
        writer.bits(1, 1)
        writer.bits(1, 1)  // rbsp stop bit
        let sps = try H264SequenceParameterSet.parse(writer.nalBytes)
        #expect(sps.profileName == "High")
        #expect(sps.levelName == "3.1")
        #expect(sps.picOrderCountType == 1)
        #expect(sps.maxNumRefFrames == 3)
        #expect(sps.width == 636)
        #expect(sps.height == 472)
        #expect(sps.vui?.sampleAspectRatio == [4, 3])
        #expect(sps.framesPerSecond == 15)
    }

    @Test func boundsSizesFromTheNetwork() {
        var writer = BitWriter()
        writer.bits(0x67, 8)
        writer.bits(66, 8)
        writer.bits(0, 8)
        writer.bits(30, 8)
        writer.ue(0)  // seq_parameter_set_id
        writer.ue(0)  // log2_max_frame_num_minus4
        writer.ue(0)  // pic_order_cnt_type
        writer.ue(0)  // log2_max_pic_order_cnt_lsb_minus4
        writer.ue(1)  // max_num_ref_frames
        writer.bits(0, 1)
        writer.ue(1 << 20)  // far more macroblocks than any level allows
        writer.ue(10)
        writer.bits(0xFF, 8)
        #expect(throws: H264SyntaxError.outOfRange(field: "pic_width_in_mbs_minus1", value: 1 << 20)) {
            try H264SequenceParameterSet.parse(writer.nalBytes)
        }
    }
}

@Suite("H264BitReader")
struct H264BitReaderTests {
    @Test func readsExpGolombCodes() throws {
        // 1 | 010 | 011 | 00100 | 00101: ue 0, 1, 2, 3, 4
        var writer = BitWriter()
        for value: UInt32 in [0, 1, 2, 3, 4, 255, 1 << 31] { writer.ue(value) }
        for value: Int32 in [0, 1, -1, 2, -2, 1_000, -1_000] { writer.se(value) }
        var reader = H264BitReader(writer.nalBytes)
        for value: UInt32 in [0, 1, 2, 3, 4, 255, 1 << 31] { #expect(try reader.readUnsignedExpGolomb() == value) }
        for value: Int32 in [0, 1, -1, 2, -2, 1_000, -1_000] { #expect(try reader.readSignedExpGolomb() == value) }
    }

    @Test func skipsEmulationPreventionBytes() throws {
        var reader = H264BitReader([0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x03, 0x00, 0xFF])
        #expect(try reader.readBits(24) == 0x000001)
        #expect(try reader.readBits(24) == 0x000000)
        #expect(try reader.readBits(8) == 0xFF)
        #expect(throws: H264SyntaxError.truncated) { try reader.readBits(1) }
    }

    @Test func refusesACodeLongerThan32Bits() {
        var reader = H264BitReader([0, 0, 0, 0, 0, 0, 0, 0, 0xFF])
        #expect(throws: H264SyntaxError.expGolombTooLong) { try reader.readUnsignedExpGolomb() }
    }
}

/// Writes bits most significant first, for building syntax structures in tests.
struct BitWriter {
    var bytes: [UInt8] = []
    var used = 8

    mutating func bits(_ value: UInt64, _ count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            if value >> UInt64(shift) & 1 == 1 { bytes[bytes.count - 1] |= 0x80 >> UInt8(used) }
            used += 1
        }
    }

    /// The bytes with emulation prevention (ITU-T H.264 §7.4.1): 0x03 after two zero
    /// bytes that a byte 0...3 follows.
    var nalBytes: [UInt8] {
        var out: [UInt8] = []
        var zeros = 0
        for byte in bytes {
            if zeros >= 2, byte <= 3 {
                out.append(3)
                zeros = 0
            }
            out.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return out
    }

    mutating func ue(_ value: UInt32) {
        let code = UInt64(value) + 1
        let length = 64 - code.leadingZeroBitCount
        bits(0, length - 1)
        bits(code, length)
    }

    mutating func se(_ value: Int32) {
        ue(value > 0 ? UInt32(2 * Int64(value) - 1) : UInt32(-2 * Int64(value)))
    }
}

/// Octets from a hex string; spaces are ignored.
func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}
