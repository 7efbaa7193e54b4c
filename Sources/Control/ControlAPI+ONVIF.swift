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
        routes.router.on(RouterPath("/onvif/:path/:service"), method: .post) { request, context in
            let path = context.parameters.get("path")?.removingPercentEncoding
            let service = context.parameters.get("service").flatMap(ONVIFService.init(pathComponent:))
            return await onvifResponse(request, cameraPath: path, service: service, security: security)
        }
        // Hummingbird names a trie node's parameter once: here `path` holds the service.
        routes.router.on(RouterPath("/onvif/:path"), method: .post) { request, context in
            let path = await running.config.cameras.first?.path
            let service = context.parameters.get("path").flatMap(ONVIFService.init(pathComponent:))
            return await onvifResponse(request, cameraPath: path, service: service, security: security)
        }
        addONVIFSubscriptionRoutes(to: routes, security: security)
    }

    /// The answer to one SOAP request for the camera at `cameraPath`, posted to `service`'s
    /// address (nil for an address that names no service). The operation's namespace, not
    /// the address, chooses what answers, as most devices do.
    func onvifResponse(
        _ request: Request, cameraPath: String?, service: ONVIFService?, subpath: [String] = [], security: ONVIFSecurity
    ) async -> Response {
        let config = await running.config
        guard service != nil, let cameraPath, let camera = config.cameras.first(where: { $0.path == cameraPath }),
              let status = server.cameraStatus(path: cameraPath)
        else {
            return Self.soap(404, SOAPFault(.sender, reason: "no camera service at '\(cameraPath ?? "")'").envelope)
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
        let reply: ONVIFDispatcher.Reply
        do throws(SOAPFault) {
            let accepted = try ONVIFDispatcher.accept(body) { token, operation in
                Self.authorize(token, operation: operation, camera: camera, config: config, security: security, now: now)
            }
            let call = ONVIFCall(request: accepted, camera: camera, config: config, device: device, now: now, subpath: subpath)
            reply = .response(try await answer(call))
        } catch {
            reply = .fault(error)
        }
        if let fault = reply.fault {
            logger.debug("onvif fault", metadata: ["camera": "\(cameraPath)", "fault": "\(fault)"])
        }
        return Self.soap(reply.status, reply.body)
    }

    /// The response envelope, from the service that owns the operation.
    private func answer(_ call: ONVIFCall) async throws(SOAPFault) -> String {
        switch call.request.operation {
        case .device(let operation): try await answerDevice(operation, call)
        case .media(let operation): try await answerMedia(operation, call)
        case .media2(let operation): try await answerMedia2(operation, call)
        case .events(let operation): try await answerEvents(operation, call)
        case .ptz(let operation): try await answerPTZ(operation, call)
        case .recording, .search, .replay: try await answerRecordings(call)
        }
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
        _ token: UsernameToken?, operation: ONVIFOperation, camera: CameraConfig, config: CamsimConfig, security: ONVIFSecurity, now: Int64
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
