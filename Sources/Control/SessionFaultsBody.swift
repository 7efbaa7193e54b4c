import Faults

/// The body of `PUT /api/v1/sessions/{id}/faults`: a fault profile with the keys of the
/// YAML configuration (JSON is YAML, so the configuration's reader reads it), or
/// `{"profile": "NAME"}` naming one of the configuration's profiles or a preset. An
/// empty body or `{}` clears the viewer's own faults. Faults that change the camera's
/// shared encoder are refused: they belong to the camera.
enum SessionFaultsBody {
    static func profile(
        text: String?, value: Any?, catalog: [String: FaultProfile]
    ) throws -> FaultProfile {
        guard let text, let value else { return .empty }
        guard let object = value as? [String: Any] else {
            throw ControlError.badRequest("a fault profile is a JSON object")
        }
        if object.count == 1, let name = object["profile"] as? String {
            do {
                return try FaultProfile.parse(query: [(name: "profile", value: name)], catalog: catalog).profile
            } catch {
                throw ControlError.invalid("invalid fault profile", problems: problems(error))
            }
        }
        let profile: FaultProfile
        do {
            profile = try FaultProfile.parse(
                yaml: text, file: "request body", line: 1,
                knownProfiles: Set(catalog.keys).union(FaultPresets.names)
            ).resolvingLayers(in: catalog)
        } catch {
            throw ControlError.invalid("invalid fault profile", problems: problems(error))
        }
        let cameraWide = profile.media.cameraWideFaultNames
        guard cameraWide.isEmpty else {
            throw ControlError.invalid("faults that change the camera's shared encoder belong to the camera", problems: cameraWide.map {
                ControlError.Problem(field: $0, message: "changes the camera's encoder, which every viewer shares; set it on the camera")
            })
        }
        return profile
    }

    private static func problems(_ error: FaultProfileError) -> [ControlError.Problem] {
        error.problems.map { problem in
            var message = problem.message
            if let suggestion = problem.suggestion { message += " (\(suggestion))" }
            return ControlError.Problem(field: problem.key, message: message)
        }
    }
}
