/// Media2's configuration lists and the video encoder's options (ver20 media.wsdl,
/// `tr2:GetConfiguration` requests: an optional `ConfigurationToken` and `ProfileToken`
/// narrow the list; onvif.xsd `tt:VideoEncoder2Configuration`,
/// `tt:AudioEncoder2Configuration`, `tt:VideoEncoder2ConfigurationOptions`).
extension Media2ServiceResponses {
    static func videoSourceConfigurations(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let show = try narrowed(device, request: request, token: ONVIFDevice.videoSourceConfigurationToken)
        w.element("tr2:GetVideoSourceConfigurationsResponse") { w in
            if show { MediaServiceResponses.videoSourceConfiguration(device, element: "tr2:Configurations", into: &w) }
        }
    }

    static func videoEncoderConfigurations(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let chosen = try encoderProfiles(device, request: request)
        w.element("tr2:GetVideoEncoderConfigurationsResponse") { w in
            for profile in chosen { encoderConfiguration(profile, element: "tr2:Configurations", into: &w) }
        }
    }

    static func audioSourceConfigurations(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let show = try narrowed(device, request: request, token: MediaAudio.sourceConfigurationToken) && device.audio.track != nil
        w.element("tr2:GetAudioSourceConfigurationsResponse") { w in
            if show { MediaServiceResponses.audioSourceConfiguration(device, element: "tr2:Configurations", into: &w) }
        }
    }

    static func audioEncoderConfigurations(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let show = try narrowed(device, request: request, token: MediaAudio.encoderConfigurationToken)
        w.element("tr2:GetAudioEncoderConfigurationsResponse") { w in
            if show, let track = device.audio.track {
                audioEncoderConfiguration(track, device: device, element: "tr2:Configurations", into: &w)
            }
        }
    }

    static func audioOutputConfigurations(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let show = try narrowed(device, request: request, token: MediaAudio.outputConfigurationToken) && device.audio.hasOutput
        w.element("tr2:GetAudioOutputConfigurationsResponse") { w in
            if show { MediaServiceResponses.audioOutputConfiguration(device, element: "tr2:Configurations", into: &w) }
        }
    }

    /// `GetVideoEncoderConfigurationOptions` (Media2): one `tr2:Options` per encoding the
    /// configuration may take (H.264 with its profiles, H.265, JPEG with RFC 2435's sizes).
    static func videoEncoderConfigurationOptions(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        guard let profile = try encoderProfiles(device, request: request).first else { throw SOAPFault.noConfig("") }
        let options = VideoEncoderOptions(for: profile)
        let rates = options.frameRates(current: profile.frameRate).map(Self.number).joined(separator: " ")
        let gov = "\(options.govLengthRange.lowerBound) \(options.govLengthRange.upperBound)"
        let encodings: [(String, [VideoEncoderOptions.Resolution], [(String, String)])] = [
            ("H264", options.resolutions, [("GovLengthRange", gov), ("ProfilesSupported", VideoEncoderOptions.h264Profiles.joined(separator: " "))]),
            ("H265", options.resolutions, [("GovLengthRange", gov), ("ProfilesSupported", VideoEncoderOptions.h265Profiles.joined(separator: " "))]),
            ("JPEG", options.jpegResolutions, []),
        ]
        w.element("tr2:GetVideoEncoderConfigurationOptionsResponse") { w in
            for (encoding, sizes, attributes) in encodings {
                w.element("tr2:Options", attributes + [("FrameRatesSupported", rates), ("ConstantBitRateSupported", "false")]) { w in
                    w.element("tt:Encoding", value: encoding)
                    w.element("tt:QualityRange") { w in
                        w.element("tt:Min", value: "\(options.qualityRange.lowerBound)")
                        w.element("tt:Max", value: "\(options.qualityRange.upperBound)")
                    }
                    for size in sizes {
                        w.element("tt:ResolutionsAvailable") { w in
                            w.element("tt:Width", value: "\(size.width)")
                            w.element("tt:Height", value: "\(size.height)")
                        }
                    }
                    MediaServiceResponses.range("tt:BitrateRange", options.bitrateRange, into: &w)
                }
            }
        }
    }

    /// `tt:VideoEncoder2Configuration`: GovLength and Profile as attributes, H.265 named.
    static func encoderConfiguration(_ profile: MediaProfile, element: String, into w: inout XMLWriter) {
        var attributes = [("token", profile.encoderToken)]
        let encoding: String
        switch profile.encoding {
        case .h264(let h264Profile):
            encoding = "H264"
            attributes += [("GovLength", "\(profile.govLength)"), ("Profile", h264Profile)]
        case .h265:
            encoding = "H265"
            attributes += [("GovLength", "\(profile.govLength)"), ("Profile", "Main")]
        case .jpeg:
            encoding = "JPEG"
        }
        w.element(element, attributes) { w in
            w.element("tt:Name", value: profile.streamName)
            w.element("tt:UseCount", value: "1")
            w.element("tt:Encoding", value: encoding)
            w.element("tt:Resolution") { w in
                w.element("tt:Width", value: "\(profile.width)")
                w.element("tt:Height", value: "\(profile.height)")
            }
            w.element("tt:RateControl", [("ConstantBitRate", "false")]) { w in
                w.element("tt:FrameRateLimit", value: number(profile.frameRate))
                w.element("tt:BitrateLimit", value: "\(profile.bitrate)")
            }
            MediaServiceResponses.noMulticast(into: &w)
            w.element("tt:Quality", value: "5")
        }
    }

    /// `tt:AudioEncoder2Configuration`: the RTP encoding name, Bitrate in kbit/s,
    /// SampleRate in kHz.
    static func audioEncoderConfiguration(_ track: MediaAudio.Track, device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", MediaAudio.encoderConfigurationToken)]) { w in
            w.element("tt:Name", value: MediaAudio.encoderConfigurationToken)
            w.element("tt:UseCount", value: "\(device.profiles.count)")
            w.element("tt:Encoding", value: track.encoding.media2Name)
            MediaServiceResponses.noMulticast(into: &w)
            w.element("tt:Bitrate", value: "\(track.bitrate)")
            w.element("tt:SampleRate", value: "\(track.sampleRate / 1000)")
        }
    }

    /// The encoder configurations a `tr2:GetConfiguration` request names: all, the one
    /// with `ConfigurationToken` (else `ter:NoConfig`), the one of `ProfileToken` (else `ter:NoProfile`).
    private static func encoderProfiles(_ device: ONVIFDevice, request: XMLNode) throws(SOAPFault) -> [MediaProfile] {
        var chosen = device.profiles
        if let token = request.child("ConfigurationToken", in: SOAPNamespace.media2)?.trimmedText {
            chosen = chosen.filter { $0.encoderToken == token }
            if chosen.isEmpty { throw SOAPFault.noConfig(String(token.prefix(64))) }
        }
        if request.child("ProfileToken", in: SOAPNamespace.media2) != nil {
            let profile = try find(device, request: request)
            chosen = chosen.filter { $0.token == profile.token }
        }
        return chosen
    }

    /// Whether a configuration shared by every profile, `token`, is in the list the
    /// request asks for; a token or profile that does not exist is a fault.
    private static func narrowed(_ device: ONVIFDevice, request: XMLNode, token: String) throws(SOAPFault) -> Bool {
        if let asked = request.child("ConfigurationToken", in: SOAPNamespace.media2)?.trimmedText, asked != token {
            throw SOAPFault.noConfig(String(asked.prefix(64)))
        }
        if request.child("ProfileToken", in: SOAPNamespace.media2) != nil { _ = try find(device, request: request) }
        return true
    }

    /// An xs:float as written: `30`, `12.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? "\(Int(value))" : "\(value)"
    }
}
