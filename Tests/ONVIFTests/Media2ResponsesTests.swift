@testable import ONVIF
import Testing

/// Media2's answers (ver20 media.wsdl): profiles by configuration type, URIs by protocol,
/// VideoEncoder2 configurations with H.265, options per encoding, audio.
@Suite struct Media2ResponsesTests {
    static let tr2 = SOAPNamespace.media2
    static func token(_ node: XMLNode?) -> String? { node?.attributes[XMLName("", "token")] }
    static func attribute(_ node: XMLNode?, _ name: String) -> String? { node?.attributes[XMLName("", name)] }

    @Test func profilesWithoutTypeCarryNoConfigurations() throws {
        let response = try MediaSamples.response(MediaSamples.media2("GetProfiles"))
        let profiles = response.children("Profiles", in: Self.tr2)
        #expect(profiles.map(Self.token) == ["Profile_main", "Profile_sub"])
        #expect(profiles.map { Self.attribute($0, "fixed") } == ["true", "true"])
        #expect(profiles[0].children.map(\.name.local) == ["Name"])
    }

    @Test func profilesOfEveryType() throws {
        let response = try MediaSamples.response(MediaSamples.media2("GetProfiles", "<tr2:Type>All</tr2:Type>"))
        let configurations = try #require(response.child("Profiles", in: Self.tr2)?.child("Configurations", in: Self.tr2))
        #expect(configurations.children.map(\.name.local) == [
            "VideoSource", "AudioSource", "VideoEncoder", "AudioEncoder", "AudioOutput", "AudioDecoder",
        ])
        let encoder = try #require(configurations.child("VideoEncoder"))
        #expect(encoder.children.map(\.name.local) == ["Name", "UseCount", "Encoding", "Resolution", "RateControl", "Multicast", "Quality"])
        #expect(Self.attribute(encoder, "GovLength") == "50")
        #expect(Self.attribute(encoder, "Profile") == "High")
        let audio = try #require(configurations.child("AudioEncoder"))
        #expect(audio.children.map(\.name.local) == ["Name", "UseCount", "Encoding", "Multicast", "Bitrate", "SampleRate"])
        #expect(audio.child("Encoding")?.text == "mpeg4-generic")
    }

    @Test func profilesByTypeAndToken() throws {
        let response = try MediaSamples.response(MediaSamples.media2(
            "GetProfiles", "<tr2:Token>Profile_sub</tr2:Token><tr2:Type>VideoEncoder</tr2:Type><tr2:Type>AudioOutput</tr2:Type>"))
        let profiles = response.children("Profiles", in: Self.tr2)
        #expect(profiles.map(Self.token) == ["Profile_sub"])
        #expect(profiles[0].child("Configurations")?.children.map(\.name.local) == ["VideoEncoder", "AudioOutput"])
        #expect(profiles[0].child("Configurations")?.child("VideoEncoder")?.child("Encoding")?.text == "JPEG")
        let none = MediaSamples.reply(MediaSamples.media2("GetProfiles", "<tr2:Token>Profile_x</tr2:Token>"))
        #expect(none.fault?.subcodes == ["InvalidArgVal", "NoProfile"])
    }

    @Test func hevcHasAName() throws {
        let response = try MediaSamples.response(MediaSamples.media2("GetVideoEncoderConfigurations"), device: MediaSamples.withHEVC)
        let configurations = response.children("Configurations", in: Self.tr2)
        #expect(configurations.map(Self.token) == ["VideoEncoder_main", "VideoEncoder_sub"])
        #expect(configurations[0].child("Encoding")?.text == "H265")
        #expect(Self.attribute(configurations[0], "Profile") == "Main")
        #expect(Self.attribute(configurations[1], "GovLength") == nil)
    }

    @Test func streamURIByProtocol() throws {
        func uri(_ protocolName: String, device: ONVIFDevice = MediaSamples.withAudio) -> ONVIFDispatcher.Reply {
            MediaSamples.reply(MediaSamples.media2(
                "GetStreamUri", "<tr2:Protocol>\(protocolName)</tr2:Protocol><tr2:ProfileToken>Profile_main</tr2:ProfileToken>"), device: device)
        }
        for name in ["RtspUnicast", "RTSP", "RtspOverHttp", "RtspMulticast"] {
            #expect(try DispatcherTests.response(uri(name)).child("Uri", in: Self.tr2)?.text == "rtsp://127.0.0.1:8554/lobby", "\(name)")
        }
        #expect(try DispatcherTests.response(uri("RtspsUnicast")).child("Uri")?.text == "rtsps://127.0.0.1:8322/lobby")
        #expect(uri("RtspsUnicast", device: DispatcherTests.device).fault?.subcodes == ["InvalidArgVal", "InvalidStreamSetup"])
        #expect(uri("SRT").fault?.subcodes == ["InvalidArgVal", "InvalidStreamSetup"])
        let snapshot = try MediaSamples.response(MediaSamples.media2("GetSnapshotUri", "<tr2:ProfileToken>Profile_sub</tr2:ProfileToken>"))
        #expect(snapshot.child("Uri")?.text == "http://127.0.0.1:8080/api/v1/cameras/lobby/snapshot.jpg?stream=sub")
    }

    @Test func optionsPerEncoding() throws {
        let response = try MediaSamples.response(MediaSamples.media2(
            "GetVideoEncoderConfigurationOptions", "<tr2:ConfigurationToken>VideoEncoder_main</tr2:ConfigurationToken>"))
        let options = response.children("Options", in: Self.tr2)
        #expect(options.map { $0.child("Encoding")?.text } == ["H264", "H265", "JPEG"])
        #expect(options[0].children.map(\.name.local).prefix(2) == ["Encoding", "QualityRange"])
        #expect(options[0].children.map(\.name.local).last == "BitrateRange")
        #expect(Self.attribute(options[0], "ProfilesSupported") == "Baseline Main High")
        #expect(Self.attribute(options[0], "GovLengthRange") == "1 300")
        #expect(Self.attribute(options[1], "ProfilesSupported") == "Main")
        #expect(Self.attribute(options[2], "GovLengthRange") == nil)
        let rates = try #require(Self.attribute(options[0], "FrameRatesSupported"))
        #expect(rates.hasPrefix("60 50 30 25") && rates.contains("12.5"))
    }

    @Test func configurationLists() throws {
        let sources = try MediaSamples.response(MediaSamples.media2("GetVideoSourceConfigurations"))
        #expect(sources.children("Configurations", in: Self.tr2).map(Self.token) == ["VideoSourceConfig_1"])
        let audio = try MediaSamples.response(MediaSamples.media2("GetAudioSourceConfigurations"))
        #expect(audio.children("Configurations").map(Self.token) == ["AudioSourceConfig_1"])
        let outputs = try MediaSamples.response(MediaSamples.media2("GetAudioOutputConfigurations"))
        #expect(outputs.children("Configurations").map(Self.token) == ["AudioOutputConfig_1"])
        let none = try MediaSamples.response(MediaSamples.media2("GetAudioEncoderConfigurations"), device: DispatcherTests.device)
        #expect(none.children.isEmpty)
        let byProfile = try MediaSamples.response(MediaSamples.media2(
            "GetVideoEncoderConfigurations", "<tr2:ProfileToken>Profile_sub</tr2:ProfileToken>"))
        #expect(byProfile.children("Configurations").map(Self.token) == ["VideoEncoder_sub"])
        let wrong = MediaSamples.reply(MediaSamples.media2(
            "GetVideoEncoderConfigurations", "<tr2:ConfigurationToken>nope</tr2:ConfigurationToken>"))
        #expect(wrong.fault == .noConfig("nope"))
    }

    @Test func capabilities() throws {
        let response = try MediaSamples.response(MediaSamples.media2("GetServiceCapabilities"))
        let capabilities = try #require(response.child("Capabilities", in: Self.tr2))
        #expect(capabilities.children.map(\.name.local) == ["ProfileCapabilities", "StreamingCapabilities"])
        #expect(Self.attribute(capabilities.child("ProfileCapabilities"), "ConfigurationsSupported")
            == "VideoSource AudioSource VideoEncoder AudioEncoder AudioOutput AudioDecoder")
        #expect(Self.attribute(capabilities.child("StreamingCapabilities"), "RTSPStreaming") == "true")
    }
}
