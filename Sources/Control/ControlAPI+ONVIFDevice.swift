import ONVIF

extension ControlAPI {
    /// The answer to an operation of the device service.
    func answerDevice(_ operation: DeviceOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        try call.answerFromDevice()
    }
}
