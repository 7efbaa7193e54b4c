/// One ONVIF request from bytes to the answer: the envelope read (``SOAPEnvelope``), the
/// operation found, credentials asked of operations outside PRE_AUTH, and the response or
/// fault written. Pure: the device, the time and the credential check are passed in.
/// Operations whose answers need state (subscriptions, a PTZ's position, a change of
/// settings) are answered by the control plane from the ``ONVIFRequest`` that ``accept(_:authorize:)``
/// returns; the rest by ``answer(_:device:now:)``.
public enum ONVIFDispatcher {
    /// An HTTP status and a SOAP envelope.
    public struct Reply: Sendable, Equatable {
        public var status: Int
        public var body: String
        /// The fault answered, nil for a response.
        public var fault: SOAPFault?

        public init(status: Int, body: String, fault: SOAPFault?) {
            self.status = status
            self.body = body
            self.fault = fault
        }

        /// The reply of a response envelope.
        public static func response(_ body: String) -> Reply { Reply(status: 200, body: body, fault: nil) }

        /// The reply of a fault (ONVIF Core, "Error handling": HTTP 400 for a sender's fault, 500 for the rest).
        public static func fault(_ fault: SOAPFault) -> Reply { Reply(status: fault.httpStatus, body: fault.envelope, fault: fault) }
    }

    /// Reads `body` and checks credentials: `authorize` is asked only for operations that
    /// need them, with the request's UsernameToken (nil when it has none) and the operation,
    /// and returns the fault to answer instead, or nil to go on.
    public static func accept(
        _ body: [UInt8], authorize: (UsernameToken?, ONVIFOperation) -> SOAPFault?
    ) throws(SOAPFault) -> ONVIFRequest {
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
            if let fault = authorize(token, operation) { throw fault }
        }
        return ONVIFRequest(operation: operation, body: envelope.operation, headers: envelope.headers)
    }

    /// The response envelope of an operation answered from `device` alone; an operation that
    /// needs state the device does not carry is `ter:ActionNotSupported`.
    public static func answer(_ request: ONVIFRequest, device: ONVIFDevice, now: Int64) throws(SOAPFault) -> String {
        try SOAPResponse.envelope { w throws(SOAPFault) in
            let body = request.body
            switch request.operation {
            case .device(let op): try DeviceServiceResponses.respond(op, request: body, device: device, now: now, into: &w)
            case .media(let op): try MediaServiceResponses.respond(op, request: body, device: device, into: &w)
            case .media2(let op): try Media2ServiceResponses.respond(op, request: body, device: device, into: &w)
            case .events(let op): try EventsServiceResponses.respond(op, request: body, device: device, into: &w)
            case .ptz(let op): try PTZServiceResponses.respond(op, request: body, device: device, into: &w)
            case .recording(let op): try RecordingServiceResponses.respond(op, request: body, device: device, into: &w)
            case .search(let op): try SearchServiceResponses.respond(op, request: body, device: device, into: &w)
            case .replay(let op): try ReplayServiceResponses.respond(op, request: body, device: device, into: &w)
            }
        }
    }

    /// Answers `body` with what ``answer(_:device:now:)`` can say.
    public static func reply(
        to body: [UInt8], device: ONVIFDevice, now: Int64, authorize: (UsernameToken?) -> SOAPFault?
    ) -> Reply {
        do throws(SOAPFault) {
            let request = try accept(body) { token, _ in authorize(token) }
            return .response(try answer(request, device: device, now: now))
        } catch {
            return .fault(error)
        }
    }
}
