/// Media2's `GetProfiles` (ver20 media.wsdl, `tr2:MediaProfile`): one fixed profile per
/// stream, carrying the configurations of the types the request's `Type` elements name,
/// and none without a `Type` (ONVIF Media2 Service Specification, GetProfiles).
extension Media2ServiceResponses {
    static func profiles(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let tr2 = SOAPNamespace.media2
        var chosen = device.profiles
        if let token = request.child("Token", in: tr2)?.trimmedText {
            chosen = chosen.filter { $0.token == token }
            if chosen.isEmpty { throw SOAPFault.invalidArgVal("NoProfile", "no profile has the token '\(token.prefix(64))'") }
        }
        let types = Media2ConfigurationType.requested(request.children("Type", in: tr2).map(\.trimmedText))
        w.element("tr2:GetProfilesResponse") { w in
            for profile in chosen {
                w.element("tr2:Profiles", [("token", profile.token), ("fixed", "true")]) { w in
                    w.element("tr2:Name", value: profile.streamName)
                    guard !types.isEmpty else { return }
                    w.element("tr2:Configurations") { w in
                        configurations(of: profile, types: types, device: device, into: &w)
                    }
                }
            }
        }
    }

    /// The profile's configurations of `types`, in `tr2:ConfigurationSet` order.
    private static func configurations(
        of profile: MediaProfile, types: Set<Media2ConfigurationType>, device: ONVIFDevice, into w: inout XMLWriter
    ) {
        for type in Media2ConfigurationType.supported(device) where types.contains(type) {
            switch type {
            case .videoSource: MediaServiceResponses.videoSourceConfiguration(device, element: "tr2:VideoSource", into: &w)
            case .audioSource: MediaServiceResponses.audioSourceConfiguration(device, element: "tr2:AudioSource", into: &w)
            case .videoEncoder: encoderConfiguration(profile, element: "tr2:VideoEncoder", into: &w)
            case .audioEncoder:
                if let track = device.audio.track { audioEncoderConfiguration(track, device: device, element: "tr2:AudioEncoder", into: &w) }
            case .audioOutput: MediaServiceResponses.audioOutputConfiguration(device, element: "tr2:AudioOutput", into: &w)
            case .audioDecoder: MediaServiceResponses.audioDecoderConfiguration(device, element: "tr2:AudioDecoder", into: &w)
            case .analytics, .ptz, .metadata, .receiver: break
            }
        }
    }
}
