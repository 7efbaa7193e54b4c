import Faults
import NIOCore
import RTSP
import RTSPAuth

extension RTSPConnection {
    /// What authentication says about one request.
    enum Authorization {
        /// Go ahead, as `user` (nil when the camera asks for no credentials).
        case proceed(user: String?)
        /// Answer this (401 or 403, or 454 for another user's session) after `delay` nanoseconds.
        case answer(RTSPResponse, delay: Int64)
    }

    /// The client's IP address: nonces and failure counts belong to it, not to a port.
    var clientAddress: String { channel.remoteAddress?.ipAddress ?? "unknown" }

    /// Authenticates a request (RFC 2326 §11.2 with RFC 7616/7617): OPTIONS needs
    /// nothing; every other method needs credentials when its camera (or, for a path that
    /// names none, the server) asks for them. A request on an authorised session, or
    /// inside an authenticated HTTP tunnel, may come without credentials, but only for
    /// the session's user and camera; credentials that are sent are always checked.
    func authorize(_ context: RTSPRequestContext) -> Authorization {
        let request = context.request
        guard request.method != .options else { return .proceed(user: nil) }
        let now = clock.nanoseconds()
        // A camera that is down drops the connection unanswered (`underControlFaults`), 401 or not.
        if context.control?.isDown(at: now) == true { return .proceed(user: nil) }
        let faults = context.control?.profile.auth
        let origin = context.control?.origin ?? now
        guard let (basePolicy, challengeEffects) = environment.authentication.policy(
            for: context.mount, faults: faults, origin: origin, at: now)
        else { return .proceed(user: nil) }
        var policy = basePolicy
        let camera = context.mount?.cameraPath
        var session: RTSPServerSession?
        if case .found(let found) = context.sessionLookup { session = found }
        // The re-authentication fault: nonces from before the session's deadline are stale.
        var reauthDue = false
        if let session, let after = faults?.reauthAfter, now - session.authorisedAt >= after {
            policy.staleBefore = max(policy.staleBefore ?? .min, session.authorisedAt + after)
            reauthDue = true
        }
        let header = request.headers["Authorization"]
        if header == nil, !reauthDue, let user = inheritedUser(session: session, camera: camera) {
            return .proceed(user: user)
        }
        let decision = environment.authentication.authenticate(
            Authenticator.Request(
                method: request.method.name, authorization: header, client: clientAddress, camera: camera,
                requestURI: request.uri),
            policy: policy, at: now, uriMatches: { uriNamesRequestTarget($0, context: context) })
        var effects = AuthFaultCounters()
        defer { context.mount?.faults.recordAuth(effects) }
        switch decision {
        case .accepted(let user, let issued):
            if let session {
                // Only the user who set a session up may use it (RFC 2326 §12.37: 454).
                guard session.user == user else { return .answer(answer(Refusal(.sessionNotFound)), delay: 0) }
                if let issued { session.noteAuthorised(at: issued) }
            }
            return .proceed(user: user)
        case .challenge(let headers, let cause, let delay):
            effects = challengeEffects
            if cause == .staleNonce, basePolicy.staleBefore != nil || reauthDue { effects.staleNonces = 1 }
            if cause == .rejectedByFault { effects.rejectedCorrect = 1 }
            if reauthDue { effects.reauthDemanded = 1 }
            logger.debug("\(request.method) \(request.redactedURI): 401 (\(cause.rawValue))")
            var response = RTSPResponse(status: .unauthorized)
            for value in headers { response.headers.add("WWW-Authenticate", value) }
            return .answer(response, delay: delay)
        case .forbidden(let cause):
            if cause == .lockedOut { effects.lockedOut = 1 }
            logger.debug("\(request.method) \(request.redactedURI): 403 (\(cause.rawValue))")
            return .answer(answer(Refusal(RTSPStatus(code: 403), reason: cause.rawValue)), delay: 0)
        }
    }

    /// The user a request without credentials runs as: its session's user, for the
    /// session's own camera; or the user of the HTTP tunnel it came through.
    private func inheritedUser(session: RTSPServerSession?, camera: String?) -> String? {
        let authentication = environment.authentication
        if let session, let user = session.user, let camera, session.cameraPath == camera,
           authentication.user(user, mayView: camera) {
            return user
        }
        if let user = tunnelUser, authentication.user(user, mayView: camera) { return user }
        return nil
    }

    /// Whether the Digest `uri` names what the request line names: the same resource
    /// after normalising both, or another URL of the same camera (VLC and live555 sign
    /// SETUP with the base URL). An absolute uri must name the request line's host.
    private func uriNamesRequestTarget(_ uri: DigestURI, context: RTSPRequestContext) -> Bool {
        guard let target = DigestURI(context.request.uri) else { return false }
        if uri.namesSameResource(as: target) { return true }
        guard uri.sameAuthority(as: target), let mount = context.mount else { return false }
        let named = environment.cameras.mount(for: RTSPURL(pathSegments: uri.segments))
        return named?.cameraPath == mount.cameraPath
    }
}
