import Foundation
import Hummingbird

extension ControlAPI {
    /// `POST /api/v1/cameras/{path}/inputs/{n}` with `{"state": true}`: sets the camera's
    /// digital input `n` (1 or 2), which its ONVIF subscribers see as
    /// `tns1:Device/Trigger/DigitalInput` with `LogicalState`. 200 with the input's state.
    func addDigitalInputRoutes(to routes: ControlRoutes) {
        routes.post("/api/v1/cameras/{path}/inputs/{input}") { request, context in
            let path = try cameraPath(context)
            let text = try ControlRequest.pathParameter("input", context)
            let inputs = CameraEventStates.digitalInputs
            guard let number = Int(text), inputs.contains(number) else {
                throw ControlError.notFound("no input '\(text)'; inputs are \(inputs.lowerBound) to \(inputs.upperBound)")
            }
            guard let camera = await running.config.cameras.first(where: { $0.path == path }), server.cameraStatus(path: path) != nil else {
                throw ControlError.notFound("no camera at '\(path)'")
            }
            let state = try await Self.inputState(from: request)
            onvifEvents.setInput(number, of: path, to: state)
            observeEvents(of: camera, at: Self.wallClock())
            return try ControlJSON.response(DigitalInputJSON(camera: path, input: number, state: state))
        }
    }

    /// `{"state": true|false}`, the only key.
    private static func inputState(from request: Request) async throws -> Bool {
        let expected = ControlError.Problem(field: "state", message: "expected {\"state\": true} or {\"state\": false}")
        guard let body = try await ControlRequest.jsonBody(request), let object = body.value as? [String: Any] else {
            throw ControlError.invalid("the body must be a JSON object", problems: [expected])
        }
        if let unknown = object.keys.first(where: { $0 != "state" }) {
            throw ControlError.invalid("unknown key", problems: [.init(field: unknown, message: "unknown key; the only key is 'state'")])
        }
        struct Body: Decodable { var state: Bool }
        guard let state = try? JSONDecoder().decode(Body.self, from: Data(body.text.utf8)).state else {
            throw ControlError.invalid("bad state", problems: [expected])
        }
        return state
    }
}

/// A digital input's state, as the inputs route answers it.
struct DigitalInputJSON: Encodable {
    var camera: String
    var input: Int
    var state: Bool
}
