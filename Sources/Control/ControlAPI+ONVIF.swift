import Config
import Foundation
import HTTPTypes
import Hummingbird
import ONVIF
import RTSPAuth
import Server

extension ControlAPI {
    /// ONVIF's SOAP services (ONVIF Core, "Web services": SOAP 1.2 over HTTP POST): every camera's device
    /// and media (ver10) services at `/onvif/{path}/device_service` and `…/media_service`,
    /// and the first camera's at `/onvif/device_service`, where NVRs that take only an
    /// address and a port look. The routes are not part of the JSON API (nor its OpenAPI
    /// document): the bearer token does not apply, WS-Security does (``ONVIFDispatcher``).
    func addONVIFRoutes(to routes: ControlRoutes) {
        let security = ONVIFSecurity()
        for service in ["device_service", "media_service"] {
            routes.router.on(RouterPath("/onvif/:path/\(service)"), method: .post) { request, context in
                let path = context.parameters.get("path")?.removingPercentEncoding
                return await onvifResponse(request, cameraPath: path, security: security)
            }
            routes.router.on(RouterPath("/onvif/\(service)"), method: .post) { request, _ in
                let path = await running.config.cameras.first?.path
                return await onvifResponse(request, cameraPath: path, security: security)
            }
        }
    }

    /// The answer to one SOAP request for the camera at `cameraPath`.
    private func onvifResponse(_ request: Request, cameraPath: String?, security: ONVIFSecurity) async -> Response {
        let config = await running.config
        guard let cameraPath, let camera = config.cameras.first(where: { $0.path == cameraPath }),
              let status = server.cameraStatus(path: cameraPath)
        else {
            return Self.soap(404, SOAPFault(.sender, reason: "no camera at '\(cameraPath ?? "")'").envelope)
        }
        let body: [UInt8]
        do {
            body = try await Self.onvifBody(request)
        } catch {
            return Self.soap(error.httpStatus == 400 ? 413 : error.httpStatus, error.envelope)
        }
        let host = ControlHost(request.head.authority) ?? ControlHost(server.urlHost) ?? ControlHost("127.0.0.1")!
        let device = ONVIFDevice(camera: camera, status: status, host: host, rtspPort: server.port)
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        let reply = ONVIFDispatcher.reply(to: body, device: device, now: now) { token in
            Self.authorize(token, camera: camera, config: config, security: security, now: now)
        }
        if let fault = reply.fault {
            logger.debug("onvif fault", metadata: ["camera": "\(cameraPath)", "fault": "\(fault)"])
        }
        return Self.soap(reply.status, reply.body)
    }

    /// The body, at most ``ONVIFLimits/maxBodyBytes``; a larger one is a fault.
    private static func onvifBody(_ request: Request) async throws(SOAPFault) -> [UInt8] {
        let tooLarge = SOAPFault.wellFormed(XMLGuard.Problem.tooLarge(bytes: ONVIFLimits.maxBodyBytes + 1).description)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > ONVIFLimits.maxBodyBytes {
            throw SOAPFault.wellFormed(XMLGuard.Problem.tooLarge(bytes: length).description)
        }
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: ONVIFLimits.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch {
            throw tooLarge
        }
    }

    /// Nil when the request may go on: no users configured, a camera in `auth: none`, or a
    /// UsernameToken of a user who may view the camera. Otherwise `ter:NotAuthorized`
    /// (ONVIF Core, "Security"), answered with HTTP 400 as an `env:Sender` fault.
    private static func authorize(
        _ token: UsernameToken?, camera: CameraConfig, config: CamsimConfig, security: ONVIFSecurity, now: Int64
    ) -> SOAPFault? {
        guard !config.users.isEmpty else { return nil }
        if (camera.auth?.mode ?? config.server.auth.mode) == AuthModeSetting.none { return nil }
        guard let token else { return .notAuthorized() }
        let passwords = Dictionary(config.users.map { ($0.name, $0.password.revealed) }, uniquingKeysWith: { first, _ in first })
        switch security.verify(token, passwords: passwords, now: now) {
        case .failure(let rejection):
            return .notAuthorized(rejection.description)
        case .success(let name):
            guard let user = config.users.first(where: { $0.name == name }),
                  AuthUser(name: user.name, password: "", cameras: user.cameras).mayView(camera.path)
            else { return .notAuthorized("the user may not view this camera") }
            return nil
        }
    }

    private static func soap(_ status: Int, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = SOAPResponse.contentType
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
