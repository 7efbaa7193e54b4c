import ConstantTime
import HTTPTypes
import Hummingbird

/// Demands `Authorization: Bearer <token>` on every request (RFC 6750 §2.1), compared in
/// constant time; anything else gets 401 with `WWW-Authenticate: Bearer` (§3).
///
/// Three exceptions. The dashboard's static files (`GET /` and `GET /dashboard/...`),
/// which hold no data: a browser cannot send a header when it opens a page; the page
/// asks for the token and sends it with every API call and snapshot it makes.
/// `GET /health`: an orchestrator's probe (Kubernetes' `httpGet`) sends fixed headers
/// and cannot read a secret, and the answer says no more than that the port is open.
/// And the ONVIF services (`/onvif/...`), which check WS-Security credentials themselves.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: [UInt8]

    init(token: String) {
        self.token = Array(token.utf8)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isDashboardFile(request) || Self.isHealthCheck(request) || Self.isONVIF(request) {
            return try await next(request, context)
        }
        guard let presented = Self.credentials(request.headers[.authorization]),
              ConstantTime.equal(token, presented.utf8)
        else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = #"Bearer realm="camsim""#
            throw ControlError(.unauthorized, "a valid Authorization: Bearer token is required", headers: headers)
        }
        return try await next(request, context)
    }

    /// Whether the request reads one of the dashboard's static files.
    static func isDashboardFile(_ request: Request) -> Bool {
        guard request.method == .get || request.method == .head else { return false }
        let path = request.uri.path
        return path == "/" || (path.hasPrefix("/dashboard/") && !path.dropFirst("/dashboard/".count).contains("/"))
    }

    /// Whether the request is `GET /health` (or `HEAD`).
    static func isHealthCheck(_ request: Request) -> Bool {
        (request.method == .get || request.method == .head) && request.uri.path == "/health"
    }

    /// Whether the request is for an ONVIF service, which NVRs call with WS-Security and
    /// never with a bearer token (`ControlAPI+ONVIF.swift`).
    static func isONVIF(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/onvif/")
    }

    /// The token of a `Bearer` credential; the scheme is case-insensitive (RFC 7235 §2.1).
    static func credentials(_ header: String?) -> Substring? {
        guard let header, header.count > 7 else { return nil }
        let scheme = header.prefix(7)
        guard scheme.lowercased() == "bearer " else { return nil }
        return header.dropFirst(7).drop { $0 == " " }
    }
}
