import ONVIF

extension ControlAPI {
    /// The answer to an operation of the media service (ver20).
    func answerMedia2(_ operation: Media2Operation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        try call.answerFromDevice()
    }
}
