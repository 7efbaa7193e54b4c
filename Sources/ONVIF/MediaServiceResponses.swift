/// The media service's answers (ONVIF Media Service Specification, ver10; types from
/// onvif.xsd in the schema's sequence order).
enum MediaServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: MediaOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("trt:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        case .getProfiles: profiles(device, into: &w)
        case .getProfile: try profile(device, request: request, into: &w)
        case .getStreamUri: try streamURI(device, request: request, into: &w)
        case .getSnapshotUri: try snapshotURI(device, request: request, into: &w)
        case .getVideoSources: videoSources(device, into: &w)
        case .getVideoSourceConfigurations: videoSourceConfigurations(device, into: &w)
        case .getVideoEncoderConfigurations: videoEncoderConfigurations(device, into: &w)
        case .getVideoEncoderConfiguration: try videoEncoderConfiguration(device, request: request, into: &w)
        case .getVideoEncoderConfigurationOptions: try videoEncoderConfigurationOptions(device, request: request, into: &w)
        case .getAudioSources: audioSources(device, into: &w)
        case .getAudioSourceConfigurations: audioSourceConfigurations(device, into: &w)
        case .getAudioEncoderConfigurations: audioEncoderConfigurations(device, into: &w)
        case .getAudioOutputs: audioOutputs(device, into: &w)
        case .getAudioOutputConfigurations: audioOutputConfigurations(device, into: &w)
        // Changes the stream: answered by the control plane, which checks the request
        // with ``VideoEncoderSetting/requested(by:device:schema:)`` and applies it as a reload does.
        case .setVideoEncoderConfiguration: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:Capabilities", [("SnapshotUri", "true"), ("Rotation", "false")]) { w in
            w.empty("trt:ProfileCapabilities", [("MaximumNumberOfProfiles", "\(device.profiles.count)")])
            w.empty("trt:StreamingCapabilities", [("RTPMulticast", "false"), ("RTP_TCP", "true"), ("RTP_RTSP_TCP", "true")])
        }
    }

    static func profiles(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetProfilesResponse") { w in
            for profile in device.profiles { self.profile(profile, device: device, element: "trt:Profiles", into: &w) }
        }
    }

    static func profile(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let profile = try find(device, request: request)
        w.element("trt:GetProfileResponse") { w in
            self.profile(profile, device: device, element: "trt:Profile", into: &w)
        }
    }

    private static func profile(_ profile: MediaProfile, device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", profile.token), ("fixed", "true")]) { w in
            w.element("tt:Name", value: profile.streamName)
            videoSourceConfiguration(device, element: "tt:VideoSourceConfiguration", into: &w)
            if device.audio.track != nil { audioSourceConfiguration(device, element: "tt:AudioSourceConfiguration", into: &w) }
            if profile.encoding != .h265 {
                encoderConfiguration(profile, element: "tt:VideoEncoderConfiguration", into: &w)
            }
            if let track = device.audio.track {
                audioEncoderConfiguration(track, device: device, element: "tt:AudioEncoderConfiguration", into: &w)
            }
            // NVRs (Frigate's autotracking among them) look for the PTZ configuration in the profile.
            PTZServiceResponses.profileConfiguration(device, into: &w)
            if device.audio.hasOutput {
                w.element("tt:Extension") { w in
                    audioOutputConfiguration(device, element: "tt:AudioOutputConfiguration", into: &w)
                    audioDecoderConfiguration(device, element: "tt:AudioDecoderConfiguration", into: &w)
                }
            }
        }
    }

    /// `tt:VideoSourceConfiguration`: the camera's one source, at the main stream's size.
    static func videoSourceConfiguration(_ device: ONVIFDevice, element: String, into w: inout XMLWriter) {
        let main = device.profiles.first
        w.element(element, [("token", ONVIFDevice.videoSourceConfigurationToken)]) { w in
            w.element("tt:Name", value: ONVIFDevice.videoSourceConfigurationToken)
            w.element("tt:UseCount", value: "\(device.profiles.count)")
            w.element("tt:SourceToken", value: ONVIFDevice.videoSourceToken)
            w.empty("tt:Bounds", [("x", "0"), ("y", "0"), ("width", "\(main?.width ?? 0)"), ("height", "\(main?.height ?? 0)")])
        }
    }

    /// ver10's `tt:VideoEncoderConfiguration` of `profile` (not for H.265, which ver10 cannot name).
    static func encoderConfiguration(_ profile: MediaProfile, element: String, into w: inout XMLWriter) {
        w.element(element, [("token", profile.encoderToken)]) { w in
            w.element("tt:Name", value: profile.streamName)
            w.element("tt:UseCount", value: "1")
            switch profile.encoding {
            case .jpeg: w.element("tt:Encoding", value: "JPEG")
            case .h264, .h265: w.element("tt:Encoding", value: "H264")
            }
            w.element("tt:Resolution") { w in
                w.element("tt:Width", value: "\(profile.width)")
                w.element("tt:Height", value: "\(profile.height)")
            }
            w.element("tt:Quality", value: "5")
            w.element("tt:RateControl") { w in
                w.element("tt:FrameRateLimit", value: "\(Int(profile.frameRate.rounded()))")
                w.element("tt:EncodingInterval", value: "1")
                w.element("tt:BitrateLimit", value: "\(profile.bitrate)")
            }
            if case .h264(let h264Profile) = profile.encoding {
                w.element("tt:H264") { w in
                    w.element("tt:GovLength", value: "\(profile.govLength)")
                    w.element("tt:H264Profile", value: h264Profile)
                }
            }
            noMulticast(into: &w)
            w.element("tt:SessionTimeout", value: "PT60S")
        }
    }

    static func videoSources(_ device: ONVIFDevice, into w: inout XMLWriter) {
        let main = device.profiles.first
        w.element("trt:GetVideoSourcesResponse") { w in
            w.element("trt:VideoSources", [("token", ONVIFDevice.videoSourceToken)]) { w in
                w.element("tt:Framerate", value: "\(main?.frameRate ?? 0)")
                w.element("tt:Resolution") { w in
                    w.element("tt:Width", value: "\(main?.width ?? 0)")
                    w.element("tt:Height", value: "\(main?.height ?? 0)")
                }
            }
        }
    }

    static func videoEncoderConfigurations(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("trt:GetVideoEncoderConfigurationsResponse") { w in
            for profile in device.profiles where profile.encoding != .h265 {
                encoderConfiguration(profile, element: "trt:Configurations", into: &w)
            }
        }
    }

    /// `GetStreamUri`: the profile's RTSP URL, whatever transport the StreamSetup names
    /// (RTSP itself offers UDP, TCP and HTTP tunnelling on the one URL); its `rtsps://` URL
    /// when the Transport's Protocol (or its Tunnel's) is `RTSPS`, a value ver10's
    /// `tt:TransportProtocol` lacks but a client may send to ask for RTSP over TLS. With no
    /// RTSPS served that is `ter:InvalidArgVal/ter:InvalidStreamSetup`.
    static func streamURI(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let profile = try find(device, request: request)
        let tt = SOAPNamespace.schema
        let transport = request.child("StreamSetup", in: SOAPNamespace.media)?.child("Transport", in: tt)
        let protocols = [transport, transport?.child("Tunnel", in: tt)].compactMap { $0?.child("Protocol", in: tt)?.trimmedText }
        var uri = profile.streamURI
        if protocols.contains(where: { $0.uppercased() == "RTSPS" }) {
            guard let secure = profile.secureStreamURI else {
                throw SOAPFault.invalidArgVal("InvalidStreamSetup", "RTSPS is not served: no server.tls")
            }
            uri = secure
        }
        mediaURI(uri, response: "trt:GetStreamUriResponse", into: &w)
    }

    static func snapshotURI(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let profile = try find(device, request: request)
        mediaURI(profile.snapshotURI, response: "trt:GetSnapshotUriResponse", into: &w)
    }

    private static func mediaURI(_ uri: String, response: String, into w: inout XMLWriter) {
        w.element(response) { w in
            w.element("trt:MediaUri") { w in
                w.element("tt:Uri", value: uri)
                w.element("tt:InvalidAfterConnect", value: "false")
                w.element("tt:InvalidAfterReboot", value: "false")
                w.element("tt:Timeout", value: "PT0S")
            }
        }
    }

    /// The profile a request's `ProfileToken` names; `ter:InvalidArgVal/ter:NoProfile` for
    /// none (ONVIF Media Service Specification, GetStreamUri).
    static func find(_ device: ONVIFDevice, request: XMLNode) throws(SOAPFault) -> MediaProfile {
        let token = request.child("ProfileToken", in: SOAPNamespace.media)?.trimmedText ?? ""
        guard let profile = device.profiles.first(where: { $0.token == token }) else {
            throw SOAPFault.invalidArgVal("NoProfile", "no profile has the token '\(token)'")
        }
        return profile
    }
}
