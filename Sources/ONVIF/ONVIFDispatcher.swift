/// One ONVIF request from bytes to the answer: the envelope read (``SOAPEnvelope``), the
/// operation found, credentials asked of operations outside PRE_AUTH, and the response or
/// fault written. Pure: the device, the time and the credential check are passed in.
public enum ONVIFDispatcher {
    /// An HTTP status and a SOAP envelope.
    public struct Reply: Sendable, Equatable {
        public var status: Int
        public var body: String
        /// The fault answered, nil for a response.
        public var fault: SOAPFault?
    }

    /// Answers `body`. `authorize` is asked only for operations that need credentials, with
    /// the request's UsernameToken (nil when it has none), and returns the fault to answer
    /// instead, or nil to go on.
    public static func reply(
        to body: [UInt8], device: ONVIFDevice, now: Int64, authorize: (UsernameToken?) -> SOAPFault?
    ) -> Reply {
        do throws(SOAPFault) {
            let envelope = try SOAPEnvelope.parse(body)
            guard let operation = ONVIFOperation(envelope.operation.name) else {
                throw SOAPFault.actionNotSupported(envelope.operation.name.local)
            }
            if operation.accessClass != .preAuthentication {
                let token: UsernameToken?
                do {
                    token = try UsernameToken.find(in: envelope.headers)
                } catch {
                    throw SOAPFault.notAuthorized("the UsernameToken cannot be read")
                }
                if let fault = authorize(token) { throw fault }
            }
            let text = try SOAPResponse.envelope { writer throws(SOAPFault) in
                try respond(operation, request: envelope.operation, device: device, now: now, into: &writer)
            }
            return Reply(status: 200, body: text, fault: nil)
        } catch {
            return Reply(status: error.httpStatus, body: error.envelope, fault: error)
        }
    }

    private static func respond(
        _ operation: ONVIFOperation, request: XMLNode, device: ONVIFDevice, now: Int64, into w: inout XMLWriter
    ) throws(SOAPFault) {
        switch operation {
        case .getSystemDateAndTime: DeviceServiceResponses.systemDateAndTime(now: now, into: &w)
        case .getDeviceInformation: DeviceServiceResponses.deviceInformation(device, into: &w)
        case .getCapabilities: try DeviceServiceResponses.capabilities(device, request: request, into: &w)
        case .getServices: DeviceServiceResponses.services(device, request: request, into: &w)
        case .getDeviceServiceCapabilities:
            w.element("tds:GetServiceCapabilitiesResponse") { DeviceServiceResponses.deviceServiceCapabilities(into: &$0) }
        case .getScopes: DeviceServiceResponses.scopes(device, into: &w)
        case .getHostname: DeviceServiceResponses.hostname(device, into: &w)
        case .getProfiles: MediaServiceResponses.profiles(device, into: &w)
        case .getProfile: try MediaServiceResponses.profile(device, request: request, into: &w)
        case .getStreamUri: try MediaServiceResponses.streamURI(device, request: request, into: &w)
        case .getSnapshotUri: try MediaServiceResponses.snapshotURI(device, request: request, into: &w)
        case .getVideoSources: MediaServiceResponses.videoSources(device, into: &w)
        case .getVideoEncoderConfigurations: MediaServiceResponses.videoEncoderConfigurations(device, into: &w)
        case .getMediaServiceCapabilities:
            w.element("trt:GetServiceCapabilitiesResponse") { MediaServiceResponses.serviceCapabilities(device, into: &$0) }
        }
    }
}
