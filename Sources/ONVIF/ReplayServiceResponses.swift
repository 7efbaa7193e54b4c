/// The replay control service's answers (ONVIF Replay Control Service Specification;
/// replay.wsdl).
enum ReplayServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: ReplayOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("trp:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// The answer to `operation` given the camera's recordings and the RTSP session timeout.
    static func respond(
        _ operation: ReplayOperation, request: XMLNode, device: ONVIFDevice, recordings: [ONVIFRecording],
        sessionTimeoutSeconds: Int, into w: inout XMLWriter
    ) throws(SOAPFault) {
        switch operation {
        case .getReplayUri: try replayURI(request, recordings: recordings, into: &w)
        case .getReplayConfiguration:
            w.element("trp:GetReplayConfigurationResponse") { w in
                w.element("trp:Configuration") { w in
                    w.element("tt:SessionTimeout", value: XSDuration.format(Int64(sessionTimeoutSeconds) * 1_000_000_000))
                }
            }
        default: try respond(operation, request: request, device: device, into: &w)
        }
    }

    /// `trp:Capabilities`: reverse play (a negative Scale) and RTP over RTSP/TCP are served.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("trp:Capabilities", [("ReversePlayback", "true"), ("RTP_RTSP_TCP", "true")])
    }

    /// `GetReplayUri`: the recording's playback URL, whatever the StreamSetup asks (one RTSP
    /// URL serves UDP, TCP and the HTTP tunnel); `env:Sender/ter:InvalidArgVal/ter:NoRecording`
    /// for a token that names no recording.
    static func replayURI(_ request: XMLNode, recordings: [ONVIFRecording], into w: inout XMLWriter) throws(SOAPFault) {
        let token = request.child("RecordingToken", in: SOAPNamespace.replay)?.trimmedText ?? ""
        guard let recording = recordings.first(where: { $0.token == token }) else {
            throw SOAPFault.invalidArgVal("NoRecording", "no recording has the token '\(token.prefix(64))'")
        }
        w.element("trp:GetReplayUriResponse") { w in
            w.element("trp:Uri", value: recording.replayURI)
        }
    }
}
