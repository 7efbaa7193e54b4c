import ONVIF

extension ControlAPI {
    /// The answer to an operation of the media service (ver10).
    func answerMedia(_ operation: MediaOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        try call.answerFromDevice()
    }
}
