import NIOCore
import RTSP

extension RTSPConnection {
    /// Why a request cannot go ahead, as the status to answer.
    struct Refusal: Error {
        let status: RTSPStatus
        /// Why, for the response body (text/plain), when there is more to say than the status.
        let reason: String?
        init(_ status: RTSPStatus, reason: String? = nil) {
            self.status = status
            self.reason = reason
        }
    }

    /// `Session: id;timeout=N`, with no space before `;timeout`.
    func sessionHeaderValue(_ session: RTSPServerSession) -> String {
        SessionHeader(id: session.id, timeout: session.timeoutSeconds).serialized
    }

    func answer(_ status: RTSPStatus) -> RTSPResponse { RTSPResponse(status: status) }

    /// The answer to a refused request: its status, and its reason as a text body.
    func answer(_ refusal: Refusal) -> RTSPResponse {
        var response = RTSPResponse(status: refusal.status)
        if let reason = refusal.reason {
            response.headers.add("Content-Type", "text/plain")
            response.body = Array((reason + "\r\n").utf8)
        }
        return response
    }
}
