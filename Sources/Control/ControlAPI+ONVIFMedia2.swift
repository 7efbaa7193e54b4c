import ONVIF

extension ControlAPI {
    /// The answer to an operation of the media service (ver20): as ver10's
    /// (``answerMedia(_:_:)``), with H.265 among the encodings a change may ask for.
    func answerMedia2(_ operation: Media2Operation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        var call = call
        call.device = call.device.withMedia(camera: call.camera, tlsPort: server.tlsPort)
        guard operation == .setVideoEncoderConfiguration else { return try call.answerFromDevice() }
        let (stream, setting) = try VideoEncoderSetting.requested(by: call.request.body, device: call.device, schema: .media2)
        try await applyVideoEncoderSetting(setting, stream: stream, cameraPath: call.camera.path)
        return SOAPResponse.envelope { $0.empty("tr2:SetVideoEncoderConfigurationResponse") }
    }
}
