/// The media2 service's answers that need only the device (ONVIF Media2 Service
/// Specification; ver20 media.wsdl and onvif.xsd types in sequence order). The profiles
/// and configurations are the ver10 service's, with Media2's types: H.265 has a name
/// here, so every stream's profile carries its encoder configuration.
enum Media2ServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: Media2Operation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("tr2:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        case .getProfiles: try profiles(device, request: request, into: &w)
        case .getStreamUri: try streamURI(device, request: request, into: &w)
        case .getSnapshotUri: try snapshotURI(device, request: request, into: &w)
        case .getVideoSourceConfigurations: try videoSourceConfigurations(device, request: request, into: &w)
        case .getVideoEncoderConfigurations: try videoEncoderConfigurations(device, request: request, into: &w)
        case .getVideoEncoderConfigurationOptions: try videoEncoderConfigurationOptions(device, request: request, into: &w)
        case .getAudioSourceConfigurations: try audioSourceConfigurations(device, request: request, into: &w)
        case .getAudioEncoderConfigurations: try audioEncoderConfigurations(device, request: request, into: &w)
        case .getAudioOutputConfigurations: try audioOutputConfigurations(device, request: request, into: &w)
        // Changes the stream: answered by the control plane, which checks the request
        // with ``VideoEncoderSetting/requested(by:device:schema:)`` and applies it as a reload does.
        case .setVideoEncoderConfiguration: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `tr2:Capabilities`: snapshots, RTSP streaming (RTP over RTSP/TCP too), no multicast
    /// announced, and the configuration types the profiles hold.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.element("tr2:Capabilities", [("SnapshotUri", "true"), ("Rotation", "false"), ("VideoSourceMode", "false"), ("OSD", "false")]) { w in
            w.empty("tr2:ProfileCapabilities", [
                ("MaximumNumberOfProfiles", "\(device.profiles.count)"),
                ("ConfigurationsSupported", Media2ConfigurationType.supported(device).map(\.rawValue).joined(separator: " ")),
            ])
            w.empty("tr2:StreamingCapabilities", [
                ("RTSPStreaming", "true"), ("RTPMulticast", "false"), ("RTP_RTSP_TCP", "true"), ("NonAggregateControl", "false"),
            ])
        }
    }

    /// `GetStreamUri` (Media2): the profile's URL for `Protocol`: `RtspUnicast`, `RTSP`
    /// and `RtspOverHttp` share the `rtsp://` URL (one URL serves UDP, TCP and the HTTP
    /// tunnel), `RtspMulticast` too (SETUP asks for multicast); `RtspsUnicast` is the
    /// `rtsps://` URL when RTSPS is served. Anything else is `ter:InvalidArgVal/ter:InvalidStreamSetup`.
    static func streamURI(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let profile = try find(device, request: request)
        let asked = request.child("Protocol", in: SOAPNamespace.media2)?.trimmedText ?? "RTSP"
        let uri: String
        switch asked {
        case "RtspUnicast", "RtspMulticast", "RTSP", "RtspOverHttp":
            uri = profile.streamURI
        case "RtspsUnicast":
            guard let secure = profile.secureStreamURI else {
                throw SOAPFault.invalidArgVal("InvalidStreamSetup", "RTSPS is not served: no server.tls")
            }
            uri = secure
        default:
            throw SOAPFault.invalidArgVal(
                "InvalidStreamSetup", "protocol '\(asked.prefix(64))' is not served: RtspUnicast, RtspMulticast, RTSP, RtspOverHttp, RtspsUnicast")
        }
        w.element("tr2:GetStreamUriResponse") { $0.element("tr2:Uri", value: uri) }
    }

    /// `GetSnapshotUri` (Media2): the control API's snapshot of the profile's stream.
    static func snapshotURI(_ device: ONVIFDevice, request: XMLNode, into w: inout XMLWriter) throws(SOAPFault) {
        let profile = try find(device, request: request)
        w.element("tr2:GetSnapshotUriResponse") { $0.element("tr2:Uri", value: profile.snapshotURI) }
    }

    /// The profile a request's `ProfileToken` names; `ter:InvalidArgVal/ter:NoProfile` for none.
    static func find(_ device: ONVIFDevice, request: XMLNode) throws(SOAPFault) -> MediaProfile {
        let token = request.child("ProfileToken", in: SOAPNamespace.media2)?.trimmedText ?? ""
        guard let profile = device.profiles.first(where: { $0.token == token }) else {
            throw SOAPFault.invalidArgVal("NoProfile", "no profile has the token '\(token.prefix(64))'")
        }
        return profile
    }
}
