import Config
import Faults
import Hummingbird

extension ControlAPI {
    /// `GET/PUT/DELETE /api/v1/cameras/{path}/faults`: the camera's fault profile, changed
    /// live through the running configuration (viewers kept, as a faults-only reload).
    func addFaultRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/cameras/{path}/faults") { _, context in
            let path = try cameraPath(context)
            guard let camera = await running.config.camera(at: path) else { throw ControlError.notFound("no camera at '\(path)'") }
            return try ControlJSON.response(FaultsJSON(camera.faults).json)
        }
        routes.put("/api/v1/cameras/{path}/faults") { request, context in
            let path = try cameraPath(context)
            let references = try FaultsJSON.references(
                inRequestBody: try await ControlRequest.jsonBody(request),
                missing: "the request needs a fault profile as its JSON body")
            let config = try await setFaults(references, path: path)
            return try ControlJSON.response(FaultsJSON(config.camera(at: path)?.faults ?? []).json)
        }
        routes.delete("/api/v1/cameras/{path}/faults") { _, context in
            _ = try await setFaults([], path: try cameraPath(context))
            return Response(status: .noContent)
        }
    }

    /// Gives the camera at `path` the faults `references` name, after checking them.
    private func setFaults(_ references: [FaultReference], path: String) async throws -> CamsimConfig {
        try await change("set faults") { config in
            guard let index = config.cameras.firstIndex(where: { $0.path == path }) else {
                throw ControlError.notFound("no camera at '\(path)'")
            }
            var camera = config.cameras[index]
            camera.faults = references
            try checkFaults(of: camera, with: config)
            var config = config
            config.cameras[index] = camera
            return config
        }
    }

    /// 422 naming each fault key that is wrong, or a profile name nothing defines.
    private func checkFaults(of camera: CameraConfig, with config: CamsimConfig) throws {
        let known = Set(config.faultProfiles.keys).union(FaultPresets.names)
        var problems: [ControlError.Problem] = []
        for reference in camera.faults {
            switch reference {
            case .named(let name) where !known.contains(name):
                problems.append(.init(field: "profile", message: "unknown fault profile '\(name)'; known: \(known.sorted().joined(separator: ", "))"))
            case .named:
                break
            case .inline(let yaml):
                do {
                    _ = try FaultProfile.parse(yaml: yaml.text, file: "request", line: 1, knownProfiles: known)
                } catch {
                    problems += error.problems.map { problem in
                        .init(field: problem.key.isEmpty ? "faults" : problem.key,
                              message: problem.suggestion.map { "\(problem.message) (\($0))" } ?? problem.message)
                    }
                }
            }
        }
        guard problems.isEmpty else {
            throw ControlError.invalid("the fault profile has \(Self.count(problems.count, "problem"))", problems: problems)
        }
    }
}
