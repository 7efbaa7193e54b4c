import ONVIF

extension ControlAPI {
    /// The answer to an operation of the PTZ service: a camera with `ptz:` answers from its
    /// head (position, moves, presets) at the request's time; one without offers no PTZ
    /// service, and the device's answer says so.
    func answerPTZ(_ operation: PTZOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        guard let head = server.cameraDefinition(path: call.camera.path)?.ptz else { return try call.answerFromDevice() }
        return try PTZService.answer(call.request, device: call.device, head: head, now: call.now)
    }
}
