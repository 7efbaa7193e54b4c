import Config
import Faults
import Foundation
import HTTPTypes
import Hummingbird
import ONVIF
import RTSPAuth
import Server
import Snapshots

extension ControlAPI {
    /// ONVIF's SOAP services (ONVIF Core, "Web services": SOAP 1.2 over HTTP POST): every camera's
    /// services at `/onvif/{path}/<service>`, and the first camera's at `/onvif/<service>`, where
    /// NVRs that take only an address and a port look; each camera's snapshot beside them
    /// (`GET …/snapshot.jpg`). The routes are not part of the JSON API (nor its OpenAPI
    /// document): the bearer token does not apply, WS-Security and HTTP Digest do.
    func addONVIFRoutes(to routes: ControlRoutes) {
        let security = onvifState.security
        let snapshots = Snapshotter()
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
        routes.router.on(RouterPath("/onvif/:path/:service"), method: .get) { request, context in
            guard context.parameters.get("service") == ONVIFDevice.snapshotComponent else { return Self.notFound() }
            let path = context.parameters.get("path")?.removingPercentEncoding
            return await onvifSnapshot(request, cameraPath: path, snapshots: snapshots, security: security)
        }
        routes.router.on(RouterPath("/onvif/:path"), method: .get) { request, context in
            guard context.parameters.get("path") == ONVIFDevice.snapshotComponent else { return Self.notFound() }
            let path = await running.config.cameras.first?.path
            return await onvifSnapshot(request, cameraPath: path, snapshots: snapshots, security: security)
        }
    }

    /// The answer to one SOAP request for the camera at `cameraPath`, posted to `service`'s
    /// address (nil for an address that names no service). The operation's namespace, not
    /// the address, chooses what answers, as most devices do. `ownPort`: it came to the
    /// camera's own port (``ONVIFPortListeners``), whose addresses the answer then gives.
    ///
    /// The camera's ONVIF faults apply here: `onvif_clock_skew` moves the clock the answer
    /// tells and the UsernameToken's `Created` is checked against, `onvif_fault` answers the
    /// operations it names with a fault, and `onvif_slow` holds every answer.
    func onvifResponse(
        _ request: Request, cameraPath: String?, service: ONVIFService?, subpath: [String] = [], security: ONVIFSecurity,
        ownPort: Bool = false
    ) async -> Response {
        let config = await running.config
        guard service != nil, let cameraPath, let camera = config.cameras.first(where: { $0.path == cameraPath }),
              let status = server.cameraStatus(path: cameraPath)
        else {
            return Self.soap(404, SOAPFault(.sender, reason: "no camera service at '\(cameraPath ?? "")'").envelope)
        }
        let faults = server.onvifFaults(path: cameraPath) ?? ONVIFFaultProfile()
        let response = await onvifAnswer(
            request, camera: camera, status: status, config: config, faults: faults, subpath: subpath,
            security: security, ownPort: ownPort)
        if let slow = faults.slow, slow > 0 {
            try? await Task.sleep(nanoseconds: UInt64(slow))
        }
        return response
    }

    private func onvifAnswer(
        _ request: Request, camera: CameraConfig, status: CameraStatus, config: CamsimConfig, faults: ONVIFFaultProfile,
        subpath: [String], security: ONVIFSecurity, ownPort: Bool
    ) async -> Response {
        let body: [UInt8]
        do {
            body = try await Self.onvifBody(request)
        } catch {
            return Self.soap(error.httpStatus == 400 ? 413 : error.httpStatus, error.envelope)
        }
        let host = ControlHost(request.head.authority) ?? ControlHost(server.urlHost) ?? ControlHost("127.0.0.1")!
        var device = ONVIFDevice(camera: camera, status: status, host: host, rtspPort: server.port, ownPort: ownPort)
        describeDevice(&device, camera: camera, config: config, host: host)
        // The camera's clock: what it tells, and what a UsernameToken's Created is checked against.
        let wallNow = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        let now = wallNow + (faults.clockSkew ?? 0)
        // An HTTP client that negotiates authentication first (curl --digest) posts no body
        // until it has a challenge: give it one rather than a fault about the empty body.
        if body.isEmpty,
           case .challenge(let headers) = ONVIFAuthorization(
               token: nil, authorization: request.headers[.authorization], method: request.method.rawValue,
               requestURI: request.uri.description, camera: camera, config: config, now: now, wallNow: wallNow
           ).decide(security: security) {
            var response = Self.soap(401, SOAPFault.notAuthorized("credentials are required: HTTP Digest or a WS-Security UsernameToken").envelope)
            for value in headers { response.headers.append(HTTPField(name: .wwwAuthenticate, value: value)) }
            return response
        }
        var challenge: [String]?
        let reply: ONVIFDispatcher.Reply
        do throws(SOAPFault) {
            let accepted = try ONVIFDispatcher.accept(body) { token, operation in
                let check = ONVIFAuthorization(
                    token: token, authorization: request.headers[.authorization], method: request.method.rawValue,
                    requestURI: request.uri.description, camera: camera, config: config, now: now, wallNow: wallNow)
                switch check.decide(security: security) {
                case .proceed: return nil
                case .fault(let fault): return fault
                case .challenge(let headers):
                    challenge = headers
                    return .notAuthorized("credentials are required: HTTP Digest or a WS-Security UsernameToken")
                }
            }
            if faults.faults(accepted.operation.localName) {
                throw SOAPFault(.receiver, ["Action"], reason: "\(accepted.operation.localName) failed (onvif_fault)")
            }
            let call = ONVIFCall(request: accepted, camera: camera, config: config, device: device, now: now, subpath: subpath)
            reply = .response(try await answer(call))
        } catch {
            reply = .fault(error)
        }
        if let fault = reply.fault {
            logger.debug("onvif fault", metadata: ["camera": "\(camera.path)", "fault": "\(fault)"])
        }
        if let challenge {
            var response = Self.soap(401, reply.body)
            for value in challenge { response.headers.append(HTTPField(name: .wwwAuthenticate, value: value)) }
            return response
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

    static func soap(_ status: Int, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = SOAPResponse.contentType
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func notFound() -> Response {
        Response(status: .notFound)
    }
}
