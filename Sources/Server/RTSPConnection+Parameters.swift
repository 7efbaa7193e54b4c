import NIOCore
import RTSP

extension RTSPConnection {
    /// GET_PARAMETER and SET_PARAMETER (RFC 2326 §10.8, §10.9). An empty one is the
    /// keep-alive clients send. SET_PARAMETER `name: value` lines change the session's
    /// faults (the URL query names); GET_PARAMETER `fault_counters` reads what they did
    /// to this session, every track it SETUP added up (for a multicast session, to its
    /// group), and to the camera's ended sessions. Other parameters get 451.
    func parameter(_ context: RTSPRequestContext) -> EventLoopFuture<RTSPResponse> {
        let request = context.request
        do throws(Refusal) {
            let session = try context.namedSession()
            let body = TextParameters(parsing: request.body)
            var response = answer(.ok)
            if let session { response.headers.add(SessionHeader.headerName, sessionHeaderValue(session)) }
            guard !body.isEmpty else { return eventLoop.makeSucceededFuture(response) }
            guard let session else {
                throw Refusal(.parameterNotUnderstood, reason: "parameters need a session (Session header)")
            }
            if request.method == .setParameter {
                try applyFaultParameters(body, to: session)
                return eventLoop.makeSucceededFuture(response)
            }
            guard body.parameters == [.init(name: "fault_counters")] else {
                throw Refusal(.parameterNotUnderstood, reason: "camsim answers GET_PARAMETER for: fault_counters")
            }
            if let group = session.multicastGroup {
                let base = response
                return group.faultTally().hop(to: eventLoop).map { tally in
                    var answer = base
                    answer.headers.add("Content-Type", "text/parameters")
                    let camera = group.cameraFaultTally
                    answer.body = Array("fault_counters: \(tally)\r\ncamera_fault_counters: \(camera)\r\n".utf8)
                    return answer
                }
            }
            let viewers = session.bindings.map(\.viewer)
            guard let viewer = viewers.first else {
                throw Refusal(.parameterNotUnderstood, reason: "camsim answers GET_PARAMETER for: fault_counters")
            }
            let base = response
            return SessionTotals.read(viewers, on: eventLoop).map { totals in
                var answer = base
                answer.headers.add("Content-Type", "text/parameters")
                let camera = viewer.faults.camera.tally
                answer.body = Array("fault_counters: \(totals.faults)\r\ncamera_fault_counters: \(camera)\r\n".utf8)
                return answer
            }
        } catch {
            return eventLoop.makeSucceededFuture(answer(error))
        }
    }
}
