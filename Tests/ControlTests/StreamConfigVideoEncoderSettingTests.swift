import Config
@testable import Control
import ONVIF
import Testing

/// An ONVIF video encoder setting copied into a stream's configuration.
@Suite struct StreamConfigVideoEncoderSettingTests {
    @Test func h264SizeRateAndGOP() throws {
        var stream = StreamConfig(name: "main", width: 1280, height: 720, fps: 25, rateControl: .bitrate(kbps: 2000), gop: 50)
        try stream.apply(VideoEncoderSetting(codec: .h264(profile: "Baseline"), width: 640, height: 360, frameRate: 12.5, bitrate: 800, govLength: 25))
        #expect((stream.codec, stream.width, stream.height, stream.fps, stream.gop) == (.h264, 640, 360, 12.5, 25))
        #expect(stream.profile == .baseline)
        #expect(stream.rateControl == .bitrate(kbps: 800))
    }

    @Test func noBitrateKeepsConstantQuality() throws {
        var stream = StreamConfig(rateControl: .crf(23))
        try stream.apply(VideoEncoderSetting(codec: .h264(profile: "High"), width: 1280, height: 720, frameRate: 30, bitrate: nil, govLength: 60))
        #expect(stream.rateControl == .crf(23))
    }

    @Test func hevcTakesAnX265Tune() throws {
        var stream = StreamConfig(tune: "film")
        try stream.apply(VideoEncoderSetting(codec: .h265, width: 1280, height: 720, frameRate: 30, bitrate: nil, govLength: 60))
        #expect(stream.codec == .h265)
        #expect(stream.tune == "zerolatency")
        var kept = StreamConfig(tune: "psnr")
        try kept.apply(VideoEncoderSetting(codec: .h265, width: 1280, height: 720, frameRate: 30, bitrate: nil, govLength: 60))
        #expect(kept.tune == "psnr")
    }

    @Test func jpegSizeRFC2435CannotCarryIsRefused() {
        var stream = StreamConfig()
        #expect(throws: SOAPFault.self) {
            try stream.apply(VideoEncoderSetting(codec: .jpeg, width: 960, height: 540, frameRate: 30, bitrate: nil, govLength: 60))
        }
    }
}
