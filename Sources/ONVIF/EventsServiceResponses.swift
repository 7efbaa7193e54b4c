/// The events service's answers that need only the device (ONVIF Core, Event handling).
enum EventsServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: EventsOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("tev:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `tev:Capabilities`.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("tev:Capabilities", [])
    }
}
