import FuzzSeedSupport
@testable import ONVIF
import Testing

/// `SetVideoEncoderConfiguration` requests read and checked against the options: one case
/// table drives the ver10 and Media2 checks and the `fuzz-onvif-media-request` seeds.
@Suite struct VideoEncoderSettingTests {
    typealias Setting = VideoEncoderSetting

    /// A request, and the setting it gives (or the fault's last subcode).
    enum Outcome: Equatable {
        case setting(Setting)
        case fault(String)
    }

    static let ver10Cases: [(String, String, Outcome)] = [
        ("640x360 as zeep sends it", MediaSamples.setVer10(),
         .setting(Setting(codec: .h264(profile: "High"), width: 640, height: 360, frameRate: 25, bitrate: nil, govLength: 50))),
        ("everything changed", MediaSamples.setVer10(width: "1920", height: "1080", fps: "30", bitrate: "4000", gov: "60", profile: "baseline"),
         .setting(Setting(codec: .h264(profile: "Baseline"), width: 1920, height: 1080, frameRate: 30, bitrate: 4000, govLength: 60))),
        ("to JPEG at 640x480", MediaSamples.setVer10(encoding: "JPEG", width: "640", height: "480"),
         .setting(Setting(codec: .jpeg, width: 640, height: 480, frameRate: 25, bitrate: nil, govLength: 50))),
        ("JPEG at a size RFC 2435 cannot carry", MediaSamples.setVer10(encoding: "JPEG", width: "960", height: "540"), .fault("ConfigModify")),
        ("a size not offered", MediaSamples.setVer10(width: "1000", height: "500"), .fault("ConfigModify")),
        ("an odd size", MediaSamples.setVer10(width: "641", height: "361"), .fault("ConfigModify")),
        ("a negative size", MediaSamples.setVer10(width: "-640", height: "360"), .fault("ConfigModify")),
        ("no frames", MediaSamples.setVer10(fps: "0"), .fault("ConfigModify")),
        ("too many frames", MediaSamples.setVer10(fps: "1000"), .fault("ConfigModify")),
        ("a frame rate that is no number", MediaSamples.setVer10(fps: "fast"), .fault("ConfigModify")),
        ("infinity", MediaSamples.setVer10(fps: "INF"), .fault("ConfigModify")),
        ("a bitrate too low", MediaSamples.setVer10(bitrate: "1"), .fault("ConfigModify")),
        ("a bitrate past Int32", MediaSamples.setVer10(bitrate: "99999999999999999999"), .fault("ConfigModify")),
        ("GOP 0", MediaSamples.setVer10(gov: "0"), .fault("ConfigModify")),
        ("every other frame", MediaSamples.setVer10(interval: "2"), .fault("ConfigModify")),
        ("the Extended profile", MediaSamples.setVer10(profile: "Extended"), .fault("ConfigModify")),
        ("MPEG-4", MediaSamples.setVer10(encoding: "MPEG4"), .fault("ConfigModify")),
        ("H.265 through ver10", MediaSamples.setVer10(encoding: "H265"), .fault("ConfigModify")),
        ("an unknown token", MediaSamples.setVer10(token: "VideoEncoder_x"), .fault("NoConfig")),
        ("no Configuration", MediaSamples.media("SetVideoEncoderConfiguration", "<trt:ForcePersistence>true</trt:ForcePersistence>"),
         .fault("ConfigModify")),
        ("only a token: nothing changes", MediaSamples.media("SetVideoEncoderConfiguration", #"<trt:Configuration token="VideoEncoder_sub"/>"#),
         .setting(Setting(codec: .jpeg, width: 640, height: 360, frameRate: 10, bitrate: nil, govLength: 20))),
    ]

    static let media2Cases: [(String, String, Outcome)] = [
        ("to H.265", MediaSamples.setMedia2(),
         .setting(Setting(codec: .h265, width: 1280, height: 720, frameRate: 25, bitrate: nil, govLength: 50))),
        ("H.265 at 640x360, 12.5 fps", MediaSamples.setMedia2(width: "640", height: "360", fps: "12.5", bitrate: "800", gov: "25"),
         .setting(Setting(codec: .h265, width: 640, height: 360, frameRate: 12.5, bitrate: 800, govLength: 25))),
        ("H.264 Main", MediaSamples.setMedia2(encoding: "H264"),
         .setting(Setting(codec: .h264(profile: "Main"), width: 1280, height: 720, frameRate: 25, bitrate: nil, govLength: 50))),
        ("H.265 Main10", MediaSamples.setMedia2(profile: "Main10"), .fault("ConfigModify")),
        ("a GOP attribute that is no number", MediaSamples.setMedia2(gov: "long"), .fault("ConfigModify")),
        ("MPV4-ES", MediaSamples.setMedia2(encoding: "MPV4-ES"), .fault("ConfigModify")),
        ("the sub stream's token", MediaSamples.setMedia2(token: "VideoEncoder_sub", encoding: "JPEG", width: "320", height: "240", fps: "10", gov: "20"),
         .setting(Setting(codec: .jpeg, width: 320, height: 240, frameRate: 10, bitrate: 2000, govLength: 20))),
    ]

    static func outcome(_ text: String, schema: VideoEncoderRequest.Schema, device: ONVIFDevice = DispatcherTests.device) throws -> Outcome {
        let body = try MediaSamples.body(text)
        do throws(SOAPFault) {
            let (_, setting) = try VideoEncoderSetting.requested(by: body, device: device, schema: schema)
            return .setting(setting)
        } catch {
            #expect(error.code == .sender && error.subcodes.first == "InvalidArgVal", "\(error)")
            return .fault(error.subcodes.last ?? "")
        }
    }

    @Test(arguments: ver10Cases.indices) func ver10(_ index: Int) throws {
        let (name, text, expected) = Self.ver10Cases[index]
        #expect(try Self.outcome(text, schema: .ver10) == expected, "\(name)")
    }

    @Test(arguments: media2Cases.indices) func media2(_ index: Int) throws {
        let (name, text, expected) = Self.media2Cases[index]
        #expect(try Self.outcome(text, schema: .media2) == expected, "\(name)")
    }

    @Test func ver10DoesNotShowAnHEVCStreamsEncoder() throws {
        #expect(try Self.outcome(MediaSamples.setVer10(), schema: .ver10, device: MediaSamples.withHEVC) == .fault("NoConfig"))
        let back = try Self.outcome(MediaSamples.setMedia2(encoding: "H264", profile: "High"), schema: .media2, device: MediaSamples.withHEVC)
        #expect(back == .setting(Setting(codec: .h264(profile: "High"), width: 1280, height: 720, frameRate: 25, bitrate: nil, govLength: 50)))
    }

    @Test func theStreamIsNamed() throws {
        let body = try MediaSamples.body(MediaSamples.setVer10(token: "VideoEncoder_sub", encoding: "JPEG", fps: "10", gov: "20"))
        let (stream, _) = try VideoEncoderSetting.requested(by: body, device: DispatcherTests.device, schema: .ver10)
        #expect(stream == "sub")
    }

    @Test func readsEveryValue() throws {
        let request = try VideoEncoderRequest.parse(try MediaSamples.body(MediaSamples.setVer10(fps: " 30 ")), schema: .ver10)
        #expect(request == VideoEncoderRequest(
            token: "VideoEncoder_main", encoding: "H264", width: 640, height: 360, frameRate: 30, encodingInterval: 1,
            bitrate: 2000, govLength: 50, profile: "High", quality: 5))
    }

    @Test func answeredByTheControlPlaneOnly() {
        #expect(MediaSamples.reply(MediaSamples.setVer10()).fault == .actionNotSupported("SetVideoEncoderConfiguration"))
        #expect(MediaSamples.reply(MediaSamples.setMedia2()).fault == .actionNotSupported("SetVideoEncoderConfiguration"))
    }

    @Test func fuzzSeeds() throws {
        try FuzzSeeds.check("onvif-media-request", texts: (Self.ver10Cases + Self.media2Cases).map(\.1))
    }
}
