/// The media2 service's answers that need only the device (ONVIF Media2 Service Specification).
enum Media2ServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: Media2Operation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("tr2:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `tr2:Capabilities`.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("tr2:Capabilities", [])
    }
}
