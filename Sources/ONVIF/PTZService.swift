import PTZ

/// Answers a PTZ request for a camera with a virtual head: operations that read or
/// command the head run on `head`'s state under its lock, at `now`; the rest are answered
/// from the device alone.
public enum PTZService {
    public static func answer(_ request: ONVIFRequest, device: ONVIFDevice, head: PTZHead, now: Int64) throws(SOAPFault) -> String {
        guard case .ptz(let operation) = request.operation else {
            return try ONVIFDispatcher.answer(request, device: device, now: now)
        }
        guard let parsed = try PTZRequest.parse(operation, body: request.body) else {
            return try ONVIFDispatcher.answer(request, device: device, now: now)
        }
        return try head.withState { (state: inout PTZState) throws(SOAPFault) -> String in
            try SOAPResponse.envelope { (w: inout XMLWriter) throws(SOAPFault) in
                try PTZServiceResponses.respond(parsed, body: request.body, device: device, state: &state, now: now, into: &w)
            }
        }
    }
}
