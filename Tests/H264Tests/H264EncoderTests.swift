import Frames
import Testing
@testable import H264

@Suite struct H264EncoderTests {
    let settings = EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 15), gop: 10)

    @Test func parameterSetsCarryProfileAndLevel() throws {
        let encoder = try H264Encoder(settings: settings)
        let sets = try encoder.parameterSets()
        #expect(NALUnitType.of(headerByte: sets.sequenceParameterSet[0]) == NALUnitType.sequenceParameterSet)
        #expect(NALUnitType.of(headerByte: sets.pictureParameterSet[0]) == NALUnitType.pictureParameterSet)
        #expect(sets.profileLevelID?.profile == 100)  // High
    }

    @Test func baselineProfileIsApplied() throws {
        var baseline = settings
        baseline.profile = .baseline
        let sets = try H264Encoder(settings: baseline).parameterSets()
        #expect(sets.profileLevelID?.profile == 66)
    }

    @Test func firstFrameIsIDRWithParameterSetsAndGOPIsHonoured() throws {
        let encoder = try H264Encoder(settings: settings)
        var idrFrames: [Int64] = []
        for index in Int64(0)..<25 {
            encoder.inputPicture.fill(YCbCr(y: UInt8(16 + index * 8), cb: 128, cr: 128))
            let types = try encoder.encode(frameIndex: index, forceIDR: false) { nals, isIDR in
                if isIDR { idrFrames.append(index) }
                return nals.map { NALUnitType.of(headerByte: $0[0]) }
            }
            if index == 0 {
                #expect(types?.contains(NALUnitType.sequenceParameterSet) == true)
                #expect(types?.contains(NALUnitType.pictureParameterSet) == true)
                #expect(types?.contains(NALUnitType.idrSlice) == true)
            }
            #expect(types?.contains(NALUnitType.accessUnitDelimiter) == false)
        }
        #expect(idrFrames == [0, 10, 20])
    }

    @Test func forcedIDRArrivesOnTheRequestedFrame() throws {
        let encoder = try H264Encoder(settings: settings)
        var idrFrames: [Int64] = []
        for index in Int64(0)..<8 {
            _ = try encoder.encode(frameIndex: index, forceIDR: index == 4) { _, isIDR in
                if isIDR { idrFrames.append(index) }
            }
        }
        #expect(idrFrames == [0, 4])
    }

    @Test func unknownPresetIsReported() {
        var bad = settings
        bad.preset = "warp-speed"
        #expect(throws: H264EncoderError.unknownPreset("warp-speed")) { try H264Encoder(settings: bad) }
    }
}
