import Config
import Faults
import Foundation
import HTTPTypes
import Hummingbird
import Server

extension ControlAPI {
    /// `GET/POST /api/v1/cameras`, `GET/PUT/DELETE /api/v1/cameras/{path}`. Every change
    /// goes through the running configuration, as a reload would: `GET /api/v1/config`
    /// then reproduces it.
    func addCameraRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/cameras") { _, _ in
            let configured = Dictionary(await running.config.cameras.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            let cameras = server.cameraStatuses.map { CameraJSON($0, config: configured[$0.path], server: server) }
            return try ControlJSON.response(["cameras": cameras])
        }
        routes.get("/api/v1/cameras/{path}") { _, context in
            try await cameraResponse(path: try cameraPath(context))
        }
        routes.post("/api/v1/cameras") { request, _ in
            let camera = try await cameraConfig(from: request, path: nil)
            if let shard, !shard.serves(path: camera.path) {
                let owner = Shard.index(ofPath: camera.path, count: shard.count)
                throw ControlError.conflict(
                    "camera '\(camera.path)' belongs to shard \(owner)/\(shard.count); this process serves shard \(shard)")
            }
            try await change("add camera") { config in
                guard config.camera(at: camera.path) == nil else {
                    throw ControlError.conflict("a camera is already served at '\(camera.path)'")
                }
                try check(camera, with: config)
                var config = config
                config.cameras.append(camera)
                return config
            }
            var response = try await cameraResponse(path: camera.path, status: .created)
            response.headers[.location] = "/api/v1/cameras/" + Self.percentEncoded(camera.path)
            return response
        }
        routes.put("/api/v1/cameras/{path}") { request, context in
            let path = try cameraPath(context)
            let camera = try await cameraConfig(from: request, path: path)
            try await change("replace camera") { config in
                guard let index = config.cameras.firstIndex(where: { $0.path == path }) else {
                    throw ControlError.notFound("no camera at '\(path)'")
                }
                try check(camera, with: config)
                var config = config
                config.cameras[index] = camera
                return config
            }
            return try await cameraResponse(path: path)
        }
        routes.delete("/api/v1/cameras/{path}") { _, context in
            let path = try cameraPath(context)
            try await change("remove camera") { config in
                guard config.camera(at: path) != nil else { throw ControlError.notFound("no camera at '\(path)'") }
                var config = config
                config.cameras.removeAll { $0.path == path }
                return config
            }
            return Response(status: .noContent)
        }
    }

    /// The `{path}` parameter: a camera path, `/` sent as `%2F`.
    func cameraPath(_ context: BasicRequestContext) throws -> String {
        let path = try ControlRequest.pathParameter("path", context)
        return path.hasPrefix("/") ? String(path.dropFirst()) : path
    }

    /// The camera at `path` as JSON, or 404.
    func cameraResponse(path: String, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let camera = server.cameraStatus(path: path) else { throw ControlError.notFound("no camera at '\(path)'") }
        let config = await running.config
        return try ControlJSON.response(CameraJSON(camera, config: config.camera(at: path), server: server), status: status)
    }

    /// A camera from a request body, decoded and validated as a configuration file's camera
    /// is (422 naming each key that is wrong). With `path`, the body may leave `path` out,
    /// and may not name another one.
    func cameraConfig(from request: Request, path: String?) async throws -> CameraConfig {
        guard let body = try await ControlRequest.jsonBody(request) else {
            throw ControlError.badRequest("the request needs a camera as its JSON body")
        }
        var text = body.text
        if let path, var object = body.value as? [String: Any] {
            if object["path"] == nil, object["name"] == nil {
                object["path"] = path
                text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            }
        }
        let known = Set(await running.config.faultProfiles.keys)
        let camera: CameraConfig
        do {
            camera = try ConfigLoader.withPresets.parseCamera(yaml: text, source: "request", faultProfiles: known)
        } catch {
            throw ControlError.invalid("the camera has \(Self.count(error.problems.count, "problem"))",
                                       problems: error.problems.map(ControlError.Problem.init))
        }
        if let path, camera.path != path {
            throw ControlError.invalid("the camera's path does not match the URL", problems: [
                .init(field: "path", message: "'\(camera.path)' does not match the URL's '\(path)'"),
            ])
        }
        return camera
    }

    /// 422 unless `camera`'s scene loads and its faults resolve beside `config`'s profiles.
    func check(_ camera: CameraConfig, with config: CamsimConfig) throws {
        let problems = CamsimServer.problems(of: camera, with: config, scenes: scenes)
        guard problems.isEmpty else {
            throw ControlError.invalid("camera '\(camera.path)' cannot run",
                                       problems: problems.map { ControlError.Problem(field: $0.field, message: $0.message) })
        }
    }

    /// Applies `change` to the running configuration (and so to the server), announced as
    /// a reload for `reason`; a camera the server cannot build is a 422.
    @discardableResult
    func change(_ reason: String, _ change: @Sendable (CamsimConfig) throws -> CamsimConfig) async throws -> CamsimConfig {
        do {
            return try await running.update(reason: "api: \(reason)", change).config
        } catch let error as ControlError {
            throw error
        } catch {
            throw ControlError.invalid("not applied: \(error)", problems: [])
        }
    }

    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}

extension ControlError.Problem {
    /// A configuration problem by its key within the camera (`streams[0].fps`).
    init(_ problem: ConfigProblem) {
        let message = problem.suggestion.map { "\(problem.message) (\($0))" } ?? problem.message
        self.init(field: problem.keyPath.isEmpty ? "camera" : problem.keyPath, message: message)
    }
}

extension ConfigLoader {
    /// A loader that knows the built-in fault presets, as `camsim serve` loads files.
    static var withPresets: ConfigLoader { ConfigLoader(knownFaultProfiles: Set(FaultPresets.names)) }
}
