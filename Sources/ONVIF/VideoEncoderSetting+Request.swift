extension VideoEncoderSetting {
    /// The checked change a `SetVideoEncoderConfiguration` body asks of `device`, and the
    /// stream it is for. A token the service does not show is `ter:InvalidArgVal/ter:NoConfig`
    /// (ver10 shows no H.265 stream's encoder), values outside the options
    /// `ter:InvalidArgVal/ter:ConfigModify` (ONVIF Media Service Specification and Media2
    /// Service Specification, SetVideoEncoderConfiguration).
    public static func requested(
        by body: XMLNode, device: ONVIFDevice, schema: VideoEncoderRequest.Schema
    ) throws(SOAPFault) -> (stream: String, setting: VideoEncoderSetting) {
        let request = try VideoEncoderRequest.parse(body, schema: schema)
        let profile: MediaProfile
        switch schema {
        case .ver10:
            profile = try MediaServiceResponses.encoderProfile(device, token: request.token)
        case .media2:
            guard let found = device.profiles.first(where: { $0.encoderToken == request.token }) else {
                throw SOAPFault.noConfig(String(request.token.prefix(64)))
            }
            profile = found
        }
        let setting = try checked(request, profile: profile, options: VideoEncoderOptions(for: profile), schema: schema)
        return (profile.streamName, setting)
    }
}
