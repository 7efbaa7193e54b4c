/// The recording service's answers that need only the device (ONVIF Recording Control Service Specification).
enum RecordingServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: RecordingOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("trc:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `trc:Capabilities`.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("trc:Capabilities", [])
    }
}
