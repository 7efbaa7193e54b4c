import Cameras
import Config
import Foundation
import HTTPTypes
import Hummingbird
import RTSPAuth
import Server
import Snapshots

extension ControlAPI {
    /// `GET /onvif/{path}/snapshot.jpg?stream=sub` (and `/onvif/snapshot.jpg` for the first
    /// camera, or on a camera's own port): the URL `GetSnapshotUri` gives. An NVR fetches it
    /// with the camera's users over HTTP authentication (RFC 7616 Digest, and Basic, RFC 7617,
    /// which many NVRs use for snapshots; a camera in `digest-sha256` or `basic` mode offers
    /// just that), never with the control API's bearer token, which it cannot know. With no
    /// users, or under `auth: none`, it is open. 404 for an unknown camera or stream, 409
    /// while the camera is offline or rebooting.
    func onvifSnapshot(_ request: Request, cameraPath: String?, snapshots: Snapshotter, security: ONVIFSecurity) async -> Response {
        let config = await running.config
        guard let cameraPath, let camera = config.cameras.first(where: { $0.path == cameraPath }),
              let status = server.cameraStatus(path: cameraPath)
        else { return Self.plain(.notFound, "no camera at '\(cameraPath ?? "")'") }
        if var policy = ONVIFSecurity.policy(for: camera, config: config) {
            if policy.mode == .digest { policy.mode = .digestAndBasic }
            let decision = security.authenticateHTTP(
                authorization: request.headers[.authorization], method: request.method.rawValue,
                requestURI: request.uri.description, camera: camera.path, users: ONVIFSecurity.users(of: config),
                policy: policy, now: Int64(Date().timeIntervalSince1970 * 1_000_000_000))
            switch decision {
            case .accepted: break
            case .challenge(let headers, _, _):
                var response = Self.plain(.unauthorized, "credentials are required")
                for value in headers { response.headers.append(HTTPField(name: .wwwAuthenticate, value: value)) }
                return response
            case .forbidden(let cause):
                return Self.plain(.forbidden, cause.rawValue)
            }
        }
        let names = status.streams.map(\.definition.streamName)
        let name = request.uri.queryParameters.get("stream") ?? names[0]
        guard let stream = status.streams.first(where: { $0.definition.streamName == name }) else {
            return Self.plain(.notFound, "camera '\(cameraPath)' has no stream '\(name)'")
        }
        guard status.state == .idle || status.state == .live else {
            return Self.plain(.conflict, "camera '\(cameraPath)' is \(status.state.rawValue)")
        }
        do {
            let snapshot = try await snapshots.snapshot(of: stream)
            var headers = HTTPFields()
            headers[.contentType] = "image/jpeg"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: snapshot.jpeg)))
        } catch {
            return Self.plain(.serviceUnavailable, "no picture: \(error)")
        }
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
