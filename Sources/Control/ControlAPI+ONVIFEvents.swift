import ONVIF

extension ControlAPI {
    /// The answer to an operation of the event service.
    func answerEvents(_ operation: EventsOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        try call.answerFromDevice()
    }
}
