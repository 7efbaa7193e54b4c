/// The search service's answers that need only the device (ONVIF Recording Search Service Specification).
enum SearchServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: SearchOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("tse:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `tse:Capabilities`.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("tse:Capabilities", [])
    }
}
