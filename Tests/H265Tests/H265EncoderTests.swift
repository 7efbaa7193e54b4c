import Frames
import H264
import H265Syntax
import Testing
@testable import H265

@Suite struct H265EncoderTests {
    let settings = EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 15), gop: 10)

    @Test func parameterSetsAreMainProfile() throws {
        let sets = try H265Encoder(settings: settings).parameterSets()
        #expect(H265NALHeader(sets.videoParameterSet[0], sets.videoParameterSet[1]).type == H265NALType.videoParameterSet)
        #expect(H265NALHeader(sets.sequenceParameterSet[0], sets.sequenceParameterSet[1]).type == H265NALType.sequenceParameterSet)
        #expect(H265NALHeader(sets.pictureParameterSet[0], sets.pictureParameterSet[1]).type == H265NALType.pictureParameterSet)
        let ptl = try #require(sets.profileTierLevel)
        #expect(ptl.profileIDC == 1 && !ptl.tierFlag && ptl.profileSpace == 0)
        #expect(ptl.levelIDC > 0 && ptl.levelIDC % 3 == 0)
    }

    @Test func everyIRAPIsAnIDRWithParameterSetsAndGOPIsHonoured() throws {
        let encoder = try H265Encoder(settings: settings)
        var irapFrames: [Int64] = []
        for index in Int64(0)..<25 {
            encoder.inputPicture.fill(YCbCr(y: UInt8(16 + index * 8), cb: 128, cr: 128))
            let types = try encoder.encode(frameIndex: index, forceIDR: false) { nals, isIRAP in
                if isIRAP { irapFrames.append(index) }
                return nals.map { H265NALHeader($0[0], $0[1]).type }
            }
            let unit = try #require(types, "x265 gave nothing for frame \(index)")
            let slices = unit.filter { $0 <= H265NALType.lastVCL }
            #expect(!slices.isEmpty)
            if slices.contains(where: H265NALType.isIRAP) {
                #expect(slices.allSatisfy(H265NALType.isIDR), "frame \(index): \(slices)")
                #expect(Array(unit.prefix(3)) == [32, 33, 34], "frame \(index): \(unit)")
            } else {
                #expect(!unit.contains(where: H265NALType.isParameterSet))
            }
            #expect(!unit.contains(H265NALType.accessUnitDelimiter))
        }
        #expect(irapFrames == [0, 10, 20])
    }

    @Test func forcedIDRArrivesOnTheRequestedFrame() throws {
        let encoder = try H265Encoder(settings: settings)
        var idrFrames: [Int64] = []
        for index in Int64(0)..<8 {
            _ = try encoder.encode(frameIndex: index, forceIDR: index == 4) { _, isIRAP in
                if isIRAP { idrFrames.append(index) }
            }
        }
        #expect(idrFrames == [0, 4])
    }

    @Test func externalPictureIsEncodedAndOwnPictureRestored() throws {
        let encoder = try H265Encoder(settings: settings)
        let own = encoder.inputPicture.luma.base
        let external = PictureBuffer(width: 320, height: 240)
        external.view.fill(YCbCr(y: 200, cb: 90, cr: 160))
        let produced = try encoder.encode(external: external.view, frameIndex: 0, forceIDR: true) { nals, isIRAP in
            isIRAP && !nals.isEmpty
        }
        #expect(produced == true)
        #expect(encoder.inputPicture.luma.base == own)
    }

    @Test func crfAndBitrateBothEncode() throws {
        for rate in [EncoderSettings.RateControl.constantRateFactor(28), .averageBitrate(kbps: 300)] {
            var chosen = settings
            chosen.rateControl = rate
            let encoder = try H265Encoder(settings: chosen)
            var total = 0
            for index in Int64(0)..<5 {
                total += try encoder.encode(frameIndex: index, forceIDR: false) { nals, _ in nals.reduce(0) { $0 + $1.count } } ?? 0
            }
            #expect(total > 0)
        }
    }

    @Test func unknownPresetAndTuneAreNamed() {
        var wrong = settings
        wrong.preset = "warp"
        #expect(throws: H265EncoderError.unknownPreset("warp")) { try H265Encoder(settings: wrong) }
        wrong = settings
        wrong.tune = "stillimage"  // an x264 tune x265 lacks
        #expect(throws: H265EncoderError.unknownTune("stillimage")) { try H265Encoder(settings: wrong) }
    }
}
