import Faults
import NIOCore
import RTSP
import RTSPAuth

extension RTSPConnection {
    /// What authentication says about one half of an HTTP tunnel.
    enum TunnelAuthorization {
        case proceed(user: String?)
        /// Send this HTTP reply (401 with the challenges, or 403) after `delay` and close.
        case refuse(reply: [UInt8], delay: Int64)
    }

    /// Authenticates a half of an RTSP-over-HTTP tunnel, as HTTP does (RFC 7235 §3.1):
    /// the same challenges as RTSP in an HTTP 401, Digest over the half's method (`GET`
    /// or `POST`) and its request path. The user the GET names is the tunnel's. A POST
    /// without credentials inherits it when it joins; a POST that carries credentials
    /// (ffmpeg copies the GET's into it) has them checked here like any other request,
    /// and must then name the GET's user (`TunnelRegistry.user(cookie:)`).
    func authorizeTunnel(_ handshake: HTTPTunnelHandshake) -> TunnelAuthorization {
        let now = clock.nanoseconds()
        let url = RTSPURL(parsing: handshake.path)
        let mount = url.flatMap { environment.cameras.mount(for: $0) }
        let control = mount?.faults.control
        // The URL query's auth faults over the camera's, as for the RTSP requests the tunnel
        // carries; a query that does not parse is left to those requests to refuse.
        var faults = control?.profile.auth
        if let url, let mount, !url.queryItems.isEmpty,
           let query = try? FaultProfile.parse(query: url.queryItems, catalog: mount.faults.catalog) {
            faults = (faults ?? AuthFaultProfile()).merged(with: query.profile.control.auth)
        }
        guard let (policy, challengeEffects) = environment.authentication.policy(
            for: mount, faults: faults, origin: control?.origin ?? now, at: now)
        else { return .proceed(user: nil) }
        let target = DigestURI(handshake.path)
        let decision = environment.authentication.authenticate(
            Authenticator.Request(
                method: handshake.method.rawValue, authorization: handshake.headers["Authorization"], client: clientAddress,
                camera: mount?.cameraPath, requestURI: handshake.path),
            policy: policy, at: now,
            uriMatches: { uri in target.map { uri.namesSameResource(as: $0) } ?? false })
        switch decision {
        case .accepted(let user, _):
            if handshake.method == .get { tunnelUser = user }
            return .proceed(user: user)
        case .challenge(let headers, let cause, let delay):
            mount?.faults.recordAuth(challengeEffects)
            logger.debug("HTTP tunnel \(handshake.method.rawValue) \(handshake.path): 401 (\(cause.rawValue))")
            let fields = headers.map { "WWW-Authenticate: \($0)\r\n" }.joined()
            return .refuse(reply: Self.httpReply("401 Unauthorized", fields: fields), delay: delay)
        case .forbidden(let cause):
            logger.debug("HTTP tunnel \(handshake.method.rawValue) \(handshake.path): 403 (\(cause.rawValue))")
            return .refuse(reply: Self.forbiddenReply, delay: 0)
        }
    }

    /// The reply to a tunnel half refused with 403: the user may not, or (for a POST) the
    /// credentials name another user than the tunnel's GET.
    static var forbiddenReply: [UInt8] { httpReply("403 Forbidden", fields: "") }

    /// An HTTP/1.0 reply with no body; the connection closes after it.
    private static func httpReply(_ status: String, fields: String) -> [UInt8] {
        Array("HTTP/1.0 \(status)\r\nServer: \(CamsimServer.productToken)\r\n\(fields)Content-Length: 0\r\nConnection: close\r\n\r\n".utf8)
    }
}
