/// ver10's video encoder operations beyond the profiles: one configuration by token, the
/// source configurations, the options and the check of a change (ONVIF Media Service
/// Specification, "Video encoder configuration"; types from onvif.xsd in sequence order).
extension MediaServiceResponses {
    /// `GetVideoSourceConfigurations`: the one source configuration every profile shares.
    static func videoSourceConfigurations(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetVideoSourceConfigurationsResponse") { w in
            videoSourceConfiguration(device, element: "trt:Configurations", into: &w)
        }
    }

    /// `GetVideoEncoderConfiguration`: the configuration its `ConfigurationToken` names.
    static func videoEncoderConfiguration(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let profile = try encoderProfile(device, token: request.child("ConfigurationToken", in: SOAPNamespace.media)?.trimmedText ?? "")
        w.element("trt:GetVideoEncoderConfigurationResponse") { w in
            encoderConfiguration(profile, element: "trt:Configuration", into: &w)
        }
    }

    /// `GetVideoEncoderConfigurationOptions`: the options of the configuration or profile
    /// the request names, of the main stream's when it names neither.
    static func videoEncoderConfigurationOptions(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let profile: MediaProfile
        if let token = request.child("ConfigurationToken", in: SOAPNamespace.media)?.trimmedText {
            profile = try encoderProfile(device, token: token)
        } else if request.child("ProfileToken", in: SOAPNamespace.media) != nil {
            profile = try find(device, request: request)
        } else if let main = device.profiles.first(where: { $0.encoding != .h265 }) {
            profile = main
        } else {
            throw SOAPFault.noConfig("")
        }
        let options = VideoEncoderOptions(for: profile)
        w.element("trt:GetVideoEncoderConfigurationOptionsResponse") { w in
            w.element("trt:Options") { w in
                range("tt:QualityRange", options.qualityRange, into: &w)
                jpegOptions(options, bitrates: false, into: &w)
                h264Options(options, bitrates: false, into: &w)
                w.element("tt:Extension") { w in
                    jpegOptions(options, bitrates: true, into: &w)
                    h264Options(options, bitrates: true, into: &w)
                }
            }
        }
    }

    /// `tt:JpegOptions` (or `tt:JpegOptions2`, with the bitrate range, in the Extension).
    private static func jpegOptions(_ options: VideoEncoderOptions, bitrates: Bool, into w: inout XMLWriter) {
        w.element("tt:JPEG") { w in
            resolutions(options.jpegResolutions, into: &w)
            range("tt:FrameRateRange", options.frameRateRange, into: &w)
            range("tt:EncodingIntervalRange", 1...1, into: &w)
            if bitrates { range("tt:BitrateRange", options.bitrateRange, into: &w) }
        }
    }

    /// `tt:H264Options` (or `tt:H264Options2`, with the bitrate range, in the Extension).
    private static func h264Options(_ options: VideoEncoderOptions, bitrates: Bool, into w: inout XMLWriter) {
        w.element("tt:H264") { w in
            resolutions(options.resolutions, into: &w)
            range("tt:GovLengthRange", options.govLengthRange, into: &w)
            range("tt:FrameRateRange", options.frameRateRange, into: &w)
            range("tt:EncodingIntervalRange", 1...1, into: &w)
            for profile in VideoEncoderOptions.h264Profiles { w.element("tt:H264ProfilesSupported", value: profile) }
            if bitrates { range("tt:BitrateRange", options.bitrateRange, into: &w) }
        }
    }

    private static func resolutions(_ sizes: [VideoEncoderOptions.Resolution], into w: inout XMLWriter) {
        for size in sizes {
            w.element("tt:ResolutionsAvailable") { w in
                w.element("tt:Width", value: "\(size.width)")
                w.element("tt:Height", value: "\(size.height)")
            }
        }
    }

    /// A `tt:IntRange`.
    static func range(_ element: String, _ range: ClosedRange<Int>, into w: inout XMLWriter) {
        w.element(element) { w in
            w.element("tt:Min", value: "\(range.lowerBound)")
            w.element("tt:Max", value: "\(range.upperBound)")
        }
    }

    /// The profile whose ver10 encoder configuration has `token` (an H.265 stream's has none).
    static func encoderProfile(_ device: ONVIFDevice, token: String) throws(SOAPFault) -> MediaProfile {
        guard let profile = device.profiles.first(where: { $0.encoderToken == token && $0.encoding != .h265 }) else {
            throw SOAPFault.noConfig(String(token.prefix(64)))
        }
        return profile
    }
}
