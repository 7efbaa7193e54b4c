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

    /// The request URL parsed, or 400.
    func requestURL(_ request: RTSPRequest) throws(Refusal) -> RTSPURL {
        guard let url = RTSPURL(parsing: request.uri), !url.isAsterisk else { throw Refusal(.badRequest) }
        return url
    }

    /// The stream the request URL names, or 404.
    func mount(for request: RTSPRequest) throws(Refusal) -> CameraRegistry.Mount {
        guard let mount = server.registry.resolve(try requestURL(request)) else { throw Refusal(.notFound) }
        return mount
    }

    /// The session the Session header names: nil when there is no header, 454 when
    /// the header is garbled or names no live session (RFC 2326 §12.37).
    func namedSession(_ request: RTSPRequest) throws(Refusal) -> RTSPServerSession? {
        guard let value = request.headers[SessionHeader.headerName] else { return nil }
        guard let header = SessionHeader(parsing: value), let session = server.sessions.session(id: header.id) else {
            throw Refusal(.sessionNotFound)
        }
        session.noteActivity()
        return session
    }

    /// A session method needs a session: a missing header is 454 too.
    func requiredSession(_ request: RTSPRequest) throws(Refusal) -> RTSPServerSession {
        guard let session = try namedSession(request) else { throw Refusal(.sessionNotFound) }
        return session
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
