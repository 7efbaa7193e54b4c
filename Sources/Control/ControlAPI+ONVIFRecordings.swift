import ONVIF

extension ControlAPI {
    /// The answer to an operation of the recording, search or replay service (Profile G).
    func answerRecordings(_ call: ONVIFCall) async throws(SOAPFault) -> String {
        try call.answerFromDevice()
    }
}
