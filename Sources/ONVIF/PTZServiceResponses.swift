/// The ptz service's answers that need only the device (ONVIF PTZ Service Specification).
enum PTZServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: PTZOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("tptz:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `tptz:Capabilities`.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("tptz:Capabilities", [])
    }
}
