import Foundation
import Hummingbird

extension ControlAPI {
    /// `POST /api/v1/cameras/{path}/actions/{action}`: `reboot` and `offline` (each with an
    /// optional `{"seconds": N}` of downtime; offline without it lasts until `online`),
    /// `online`, and `idr`. 202 with the camera's state.
    func addActionRoutes(to routes: ControlRoutes) {
        routes.post("/api/v1/cameras/{path}/actions/{action}") { request, context in
            let path = try cameraPath(context)
            let action = try ControlRequest.pathParameter("action", context)
            guard let kind = CameraAction(rawValue: action) else {
                throw ControlError.notFound("no action '\(action)'; actions: \(CameraAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard server.cameraStatus(path: path) != nil else { throw ControlError.notFound("no camera at '\(path)'") }
            let seconds = try await Self.seconds(from: request)
            switch kind {
            case .reboot: server.rebootCamera(at: path, downSeconds: seconds ?? 0)
            case .offline: server.takeCameraOffline(at: path, seconds: seconds)
            case .online: server.bringCameraOnline(at: path)
            case .idr: server.requestIDR(at: path)
            }
            return try await cameraResponse(path: path, status: .accepted)
        }
    }

    /// The actions a camera takes on request.
    enum CameraAction: String, CaseIterable {
        case reboot, offline, online, idr
    }

    /// Longest downtime an action accepts: a day.
    static let maximumActionSeconds = 86_400.0

    /// `{"seconds": N}` from the body, or nil when there is no body or no `seconds`.
    private static func seconds(from request: Request) async throws -> Double? {
        guard let body = try await ControlRequest.jsonBody(request) else { return nil }
        guard let object = body.value as? [String: Any] else {
            throw ControlError.invalid("the body must be a JSON object", problems: [.init(field: "body", message: "expected {\"seconds\": N}")])
        }
        if let unknown = object.keys.first(where: { $0 != "seconds" }) {
            throw ControlError.invalid("unknown key", problems: [.init(field: unknown, message: "unknown key; the only key is 'seconds'")])
        }
        struct Body: Decodable { var seconds: Double? }
        let seconds = try? JSONDecoder().decode(Body.self, from: Data(body.text.utf8)).seconds
        guard object["seconds"] != nil else { return nil }
        guard let seconds, seconds.isFinite, (0...maximumActionSeconds).contains(seconds) else {
            throw ControlError.invalid("bad seconds", problems: [.init(
                field: "seconds", message: "must be a number of seconds from 0 to \(Int(maximumActionSeconds))")])
        }
        return seconds
    }
}
