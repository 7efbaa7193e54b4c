import ONVIF

extension ControlAPI {
    /// The answer to an operation of the PTZ service.
    func answerPTZ(_ operation: PTZOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        try call.answerFromDevice()
    }
}
