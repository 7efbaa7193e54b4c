@testable import ONVIF
import Testing

/// ver10's video encoder, options and audio answers, element by element in onvif.xsd's order.
@Suite struct MediaResponsesTests {
    static let tt = SOAPNamespace.schema
    static func token(_ node: XMLNode?) -> String? { node?.attributes[XMLName("", "token")] }

    @Test func oneEncoderConfigurationByToken() throws {
        let response = try MediaSamples.response(MediaSamples.media(
            "GetVideoEncoderConfiguration", "<trt:ConfigurationToken>VideoEncoder_sub</trt:ConfigurationToken>"))
        #expect(response.name == XMLName(SOAPNamespace.media, "GetVideoEncoderConfigurationResponse"))
        let configuration = try #require(response.child("Configuration", in: SOAPNamespace.media))
        #expect(Self.token(configuration) == "VideoEncoder_sub")
        #expect(configuration.children.map(\.name.local) == [
            "Name", "UseCount", "Encoding", "Resolution", "Quality", "RateControl", "Multicast", "SessionTimeout",
        ])
        #expect(configuration.child("Encoding")?.text == "JPEG")
        #expect(configuration.child("RateControl")?.child("FrameRateLimit")?.text == "10")
        let missing = MediaSamples.reply(MediaSamples.media(
            "GetVideoEncoderConfiguration", "<trt:ConfigurationToken>VideoEncoder_x</trt:ConfigurationToken>"))
        #expect(missing.fault == .noConfig("VideoEncoder_x"))
        #expect(missing.status == 400)
    }

    @Test func sourceConfigurations() throws {
        let response = try MediaSamples.response(MediaSamples.media("GetVideoSourceConfigurations"))
        let configurations = response.children("Configurations", in: SOAPNamespace.media)
        #expect(configurations.map(Self.token) == ["VideoSourceConfig_1"])
        #expect(configurations[0].children.map(\.name.local) == ["Name", "UseCount", "SourceToken", "Bounds"])
        #expect(configurations[0].child("Bounds")?.attributes[XMLName("", "width")] == "1280")
    }

    @Test func encoderOptions() throws {
        let response = try MediaSamples.response(MediaSamples.media(
            "GetVideoEncoderConfigurationOptions", "<trt:ConfigurationToken>VideoEncoder_main</trt:ConfigurationToken>"))
        let options = try #require(response.child("Options", in: SOAPNamespace.media))
        #expect(options.children.map(\.name.local) == ["QualityRange", "JPEG", "H264", "Extension"])
        let h264 = try #require(options.child("H264"))
        let sizes = h264.children("ResolutionsAvailable").map { "\($0.child("Width")!.text)x\($0.child("Height")!.text)" }
        #expect(sizes.first == "1280x720")
        #expect(sizes.contains("640x360") && sizes.contains("1920x1080"))
        #expect(h264.child("FrameRateRange")?.child("Max")?.text == "60")
        #expect(h264.child("GovLengthRange")?.child("Min")?.text == "1")
        #expect(h264.children("H264ProfilesSupported").map(\.text) == ["Baseline", "Main", "High"])
        #expect(h264.children.map(\.name.local).last == "H264ProfilesSupported")
        let jpegSizes = try #require(options.child("JPEG")).children("ResolutionsAvailable")
            .map { "\($0.child("Width")!.text)x\($0.child("Height")!.text)" }
        #expect(jpegSizes.contains("640x360") && !jpegSizes.contains("960x540"))
        let extensionH264 = try #require(options.child("Extension")?.child("H264"))
        #expect(extensionH264.children.map(\.name.local).last == "BitrateRange")
        #expect(extensionH264.child("BitrateRange")?.child("Max")?.text == "20000")
        // No token: the main stream's options; an H.265 stream's configuration ver10 cannot name.
        #expect(MediaSamples.reply(MediaSamples.media("GetVideoEncoderConfigurationOptions")).status == 200)
        let hevc = MediaSamples.reply(MediaSamples.media(
            "GetVideoEncoderConfigurationOptions", "<trt:ConfigurationToken>VideoEncoder_main</trt:ConfigurationToken>"),
            device: MediaSamples.withHEVC)
        #expect(hevc.fault == .noConfig("VideoEncoder_main"))
    }

    @Test func audioOfACameraWithAudio() throws {
        let sources = try MediaSamples.response(MediaSamples.media("GetAudioSources"))
        #expect(sources.children("AudioSources", in: SOAPNamespace.media).map(Self.token) == ["AudioSource_1"])
        #expect(sources.child("AudioSources")?.child("Channels")?.text == "2")
        let sourceConfigurations = try MediaSamples.response(MediaSamples.media("GetAudioSourceConfigurations"))
        #expect(sourceConfigurations.child("Configurations")?.children.map(\.name.local) == ["Name", "UseCount", "SourceToken"])
        let encoders = try MediaSamples.response(MediaSamples.media("GetAudioEncoderConfigurations"))
        let encoder = try #require(encoders.child("Configurations", in: SOAPNamespace.media))
        #expect(encoder.children.map(\.name.local) == ["Name", "UseCount", "Encoding", "Bitrate", "SampleRate", "Multicast", "SessionTimeout"])
        #expect(encoder.child("Encoding")?.text == "AAC")
        #expect(encoder.child("Bitrate")?.text == "128")
        #expect(encoder.child("SampleRate")?.text == "48")
        let outputs = try MediaSamples.response(MediaSamples.media("GetAudioOutputs"))
        #expect(outputs.children("AudioOutputs", in: SOAPNamespace.media).map(Self.token) == ["AudioOutput_1"])
        let outputConfigurations = try MediaSamples.response(MediaSamples.media("GetAudioOutputConfigurations"))
        #expect(outputConfigurations.child("Configurations")?.children.map(\.name.local) == ["Name", "UseCount", "OutputToken", "OutputLevel"])
    }

    @Test func g711IsG711() throws {
        var device = MediaSamples.withAudio
        device.audio.track = .init(encoding: .g711(aLaw: false), sampleRate: 8000, channels: 1, bitrate: 64)
        let encoder = try MediaSamples.response(MediaSamples.media("GetAudioEncoderConfigurations"), device: device).child("Configurations")
        #expect(encoder?.child("Encoding")?.text == "G711")
        #expect(encoder?.child("SampleRate")?.text == "8")
        #expect(encoder?.child("Bitrate")?.text == "64")
    }

    @Test func noAudioNoConfigurations() throws {
        for operation in ["GetAudioSources", "GetAudioSourceConfigurations", "GetAudioEncoderConfigurations", "GetAudioOutputs",
                          "GetAudioOutputConfigurations"] {
            let response = try MediaSamples.response(MediaSamples.media(operation), device: DispatcherTests.device)
            #expect(response.name.local == operation + "Response")
            #expect(response.children.isEmpty, "\(operation)")
        }
    }

    @Test func profilesCarryAudioInSchemaOrder() throws {
        let profiles = try MediaSamples.response(MediaSamples.media("GetProfiles")).children("Profiles", in: SOAPNamespace.media)
        #expect(profiles[0].children.map(\.name.local) == [
            "Name", "VideoSourceConfiguration", "AudioSourceConfiguration", "VideoEncoderConfiguration", "AudioEncoderConfiguration", "Extension",
        ])
        #expect(profiles[0].child("Extension")?.children.map(\.name.local) == ["AudioOutputConfiguration", "AudioDecoderConfiguration"])
        let plain = try MediaSamples.response(MediaSamples.media("GetProfiles"), device: DispatcherTests.device)
        #expect(plain.children("Profiles").first?.children.map(\.name.local) == ["Name", "VideoSourceConfiguration", "VideoEncoderConfiguration"])
    }

    @Test func secureStreamURIWhenAskedAndServed() throws {
        func uri(_ protocolName: String, tunnel: String = "", device: ONVIFDevice = MediaSamples.withAudio) -> ONVIFDispatcher.Reply {
            let tunnelElement = tunnel.isEmpty ? "" : "<tt:Tunnel><tt:Protocol>\(tunnel)</tt:Protocol></tt:Tunnel>"
            return MediaSamples.reply(MediaSamples.media("GetStreamUri", """
            <trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>\(protocolName)</tt:Protocol>\(tunnelElement)\
            </tt:Transport></trt:StreamSetup><trt:ProfileToken>Profile_main</trt:ProfileToken>
            """), device: device)
        }
        func text(_ reply: ONVIFDispatcher.Reply) throws -> String? {
            try DispatcherTests.response(reply).child("MediaUri")?.child("Uri")?.text
        }
        #expect(try text(uri("RTSP")) == "rtsp://127.0.0.1:8554/lobby")
        #expect(try text(uri("RTSPS")) == "rtsps://127.0.0.1:8322/lobby")
        #expect(try text(uri("HTTP", tunnel: "RTSPS")) == "rtsps://127.0.0.1:8322/lobby")
        #expect(uri("RTSPS", device: DispatcherTests.device).fault?.subcodes == ["InvalidArgVal", "InvalidStreamSetup"])
    }
}
