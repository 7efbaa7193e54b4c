import Config
import ONVIF
import RTSPAuth

/// The credentials of one ONVIF request and the decision on them (ONVIF Core, "Security"):
/// a WS-Security UsernameToken, an HTTP `Authorization` (Digest, or Basic where the camera's
/// mode takes it, checked by the RTSP server's authenticator), or both, each of which must
/// pass. A request with neither gets HTTP 401 and the camera's challenges. Users and
/// permissions are those of RTSP: a user's `cameras:` globs apply.
struct ONVIFAuthorization {
    var token: UsernameToken?
    var authorization: String?
    var method: String
    var requestURI: String
    var camera: CameraConfig
    var config: CamsimConfig
    /// The camera's clock (skewed by `onvif_clock_skew`), for the token's `Created`.
    var now: Int64
    /// The process's clock, for Digest nonces.
    var wallNow: Int64

    enum Outcome: Equatable {
        case proceed
        case fault(SOAPFault)
        /// HTTP 401 with these `WWW-Authenticate` values.
        case challenge([String])
    }

    func decide(security: ONVIFSecurity) -> Outcome {
        guard let policy = ONVIFSecurity.policy(for: camera, config: config) else { return .proceed }
        switch SOAPCredentialCheck.decide(
            requiresCredentials: true, hasUsernameToken: token != nil, hasAuthorization: authorization != nil)
        {
        case .open: return .proceed
        case .challenge, .httpAuthorization: return checkHTTP(policy: policy, security: security)
        case .usernameToken: return checkToken(security: security)
        case .both:
            let http = checkHTTP(policy: policy, security: security)
            return http == .proceed ? checkToken(security: security) : http
        }
    }

    private func checkHTTP(policy: AuthPolicy, security: ONVIFSecurity) -> Outcome {
        let decision = security.authenticateHTTP(
            authorization: authorization, method: method, requestURI: requestURI, camera: camera.path,
            users: ONVIFSecurity.users(of: config), policy: policy, now: wallNow)
        switch decision {
        case .accepted: return .proceed
        case .challenge(let headers, _, _): return .challenge(headers)
        case .forbidden(let cause): return .fault(.notAuthorized(cause.rawValue))
        }
    }

    private func checkToken(security: ONVIFSecurity) -> Outcome {
        guard let token else { return .fault(.notAuthorized()) }
        let passwords = Dictionary(config.users.map { ($0.name, $0.password.revealed) }, uniquingKeysWith: { first, _ in first })
        switch security.verify(token, passwords: passwords, now: now) {
        case .failure(let rejection):
            return .fault(.notAuthorized(rejection.description))
        case .success(let name):
            guard let user = config.users.first(where: { $0.name == name }),
                  AuthUser(name: user.name, password: "", cameras: user.cameras).mayView(camera.path)
            else { return .fault(.notAuthorized("the user may not view this camera")) }
            return .proceed
        }
    }
}
