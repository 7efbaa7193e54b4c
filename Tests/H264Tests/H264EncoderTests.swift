import Frames
import H264Syntax
import Testing
@testable import H264

@Suite struct H264EncoderTests {
    let settings = EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 15), gop: 10)

    @Test func parameterSetsCarryProfileAndLevel() throws {
        let encoder = try H264Encoder(settings: settings)
        let sets = try encoder.parameterSets()
        #expect(H264NALHeader(rawValue: sets.sequenceParameterSet[0]).type == H264NALType.sequenceParameterSet)
        #expect(H264NALHeader(rawValue: sets.pictureParameterSet[0]).type == H264NALType.pictureParameterSet)
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
                return nals.map { H264NALHeader(rawValue: $0[0]).type }
            }
            if index == 0 {
                #expect(types?.contains(H264NALType.sequenceParameterSet) == true)
                #expect(types?.contains(H264NALType.pictureParameterSet) == true)
                #expect(types?.contains(H264NALType.idrSlice) == true)
            }
            #expect(types?.contains(H264NALType.accessUnitDelimiter) == false)
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

    /// A declared frame rate (a fault) goes into the SPS timing, but x264 budgets bits per
    /// frame from it; the wrapper rescales the bit rate so the real stream keeps its rate.
    @Test func declaredFrameRateKeepsTheBitRate() throws {
        func bytes(signalling rate: FrameRate?) throws -> Int {
            var abr = EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 15),
                                      rateControl: .averageBitrate(kbps: 400), gop: 30)
            abr.signalledFrameRate = rate
            let encoder = try H264Encoder(settings: abr)
            var state: UInt32 = 1
            var total = 0
            for index in Int64(0)..<60 {
                // Noise that x264 cannot compress well, so rate control decides the size.
                let luma = encoder.inputPicture.luma
                for y in 0..<luma.height {
                    let row = luma.row(y)
                    for x in 0..<luma.width {
                        state = state &* 1_664_525 &+ 1_013_904_223
                        row[x] = UInt8(16 + (state >> 24) % 220)
                    }
                }
                total += try encoder.encode(frameIndex: index, forceIDR: false) { nals, _ in
                    nals.reduce(0) { $0 + $1.count }
                } ?? 0
            }
            return total
        }
        let honest = try bytes(signalling: nil)
        let declared = try bytes(signalling: FrameRate(numerator: 30))
        let ratio = Double(declared) / Double(honest)
        #expect(ratio > 0.85 && ratio < 1.15, "declared 30 fps: \(declared) bytes, honest: \(honest) bytes")
        let sets = try H264Encoder(settings: {
            var declaring = settings
            declaring.signalledFrameRate = FrameRate(numerator: 10)
            return declaring
        }()).parameterSets()
        #expect(sets.sequenceParameterSet != (try H264Encoder(settings: settings).parameterSets()).sequenceParameterSet)
    }

    @Test func unknownPresetIsReported() {
        var bad = settings
        bad.preset = "warp-speed"
        #expect(throws: H264EncoderError.unknownPreset("warp-speed")) { try H264Encoder(settings: bad) }
    }
}
