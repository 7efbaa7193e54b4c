/// The replay service's answers that need only the device (ONVIF Replay Control Service Specification).
enum ReplayServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: ReplayOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("trp:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `trp:Capabilities`.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("trp:Capabilities", [])
    }
}
