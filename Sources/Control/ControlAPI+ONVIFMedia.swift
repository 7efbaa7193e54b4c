import ONVIF

extension ControlAPI {
    /// The answer to an operation of the media service (ver10): from the device with its
    /// audio and RTSPS URLs, and `SetVideoEncoderConfiguration` applied to the running
    /// configuration (``applyVideoEncoderSetting(_:stream:cameraPath:)``).
    func answerMedia(_ operation: MediaOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        var call = call
        call.device = call.device.withMedia(camera: call.camera, tlsPort: server.tlsPort)
        guard operation == .setVideoEncoderConfiguration else { return try call.answerFromDevice() }
        let (stream, setting) = try VideoEncoderSetting.requested(by: call.request.body, device: call.device, schema: .ver10)
        try await applyVideoEncoderSetting(setting, stream: stream, cameraPath: call.camera.path)
        return SOAPResponse.envelope { $0.empty("trt:SetVideoEncoderConfigurationResponse") }
    }
}
