/// Profile G's three services (recording control, recording search, replay control)
/// answered with what the device alone does not carry: the camera's recordings, the open
/// searches and the RTSP session timeout. Pure: the control plane passes each in.
public enum RecordingServices {
    /// What answering needs besides the device.
    public struct Context: Sendable {
        /// The camera's recordings (none, or one for a camera with `recording:`).
        public var recordings: [ONVIFRecording]
        /// Who the searches opened here belong to (the camera's path): a search token read
        /// through another camera's service is unknown there.
        public var owner: String
        /// The RTSP session timeout a replay session gets (`Session: id;timeout=N`).
        public var sessionTimeoutSeconds: Int

        public init(recordings: [ONVIFRecording], owner: String, sessionTimeoutSeconds: Int) {
            self.recordings = recordings
            self.owner = owner
            self.sessionTimeoutSeconds = sessionTimeoutSeconds
        }
    }

    /// The response envelope of a recording, search or replay operation; any other
    /// operation is answered as ``ONVIFDispatcher/answer(_:device:now:)`` does.
    public static func answer(
        _ request: ONVIFRequest, device: ONVIFDevice, context: Context, searches: inout RecordingSearchStore, now: Int64
    ) throws(SOAPFault) -> String {
        let body = request.body
        switch request.operation {
        case .recording(let op):
            return try SOAPResponse.envelope { w throws(SOAPFault) in
                try RecordingServiceResponses.respond(op, request: body, device: device, recordings: context.recordings, into: &w)
            }
        case .search(let op):
            return try SOAPResponse.envelope { w throws(SOAPFault) in
                try SearchServiceResponses.respond(
                    op, request: body, device: device, recordings: context.recordings,
                    searches: &searches, owner: context.owner, now: now, into: &w)
            }
        case .replay(let op):
            return try SOAPResponse.envelope { w throws(SOAPFault) in
                try ReplayServiceResponses.respond(
                    op, request: body, device: device, recordings: context.recordings,
                    sessionTimeoutSeconds: context.sessionTimeoutSeconds, into: &w)
            }
        default:
            return try ONVIFDispatcher.answer(request, device: device, now: now)
        }
    }
}
