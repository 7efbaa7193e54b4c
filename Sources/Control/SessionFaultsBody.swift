import Config
import Faults

/// The body of `PUT /api/v1/sessions/{id}/faults`, in the shapes a camera's faults take
/// (`FaultsJSON`): a fault profile with the keys of the YAML configuration (JSON is YAML,
/// so the configuration's reader reads it), `{"profile": "NAME"}` naming one of the
/// configuration's profiles or a preset, an array of those layered in order, or `{}`
/// to clear the viewer's own faults. Faults that change the camera's shared encoder are
/// refused: they belong to the camera.
enum SessionFaultsBody {
    /// The profile the body asks for, and the body's references (what the answer echoes).
    static func profile(
        body: (text: String, value: Any)?, catalog: [String: FaultProfile]
    ) throws -> (profile: FaultProfile, references: [FaultReference]) {
        let references = try FaultsJSON.references(
            inRequestBody: body, missing: "a fault profile is required; {} clears the viewer's own faults")
        var profile = FaultProfile.empty
        var problems: [ControlError.Problem] = []
        for reference in references {
            switch reference {
            case .named(let name):
                guard let named = catalog[name] ?? FaultPresets.named[name] else {
                    problems.append(.init(field: "profile", message: "unknown fault profile '\(name)'"))
                    continue
                }
                profile = profile.merged(with: named)
            case .inline(let yaml):
                do {
                    let parsed = try FaultProfile.parse(
                        yaml: yaml.text, file: "request body", line: 1,
                        knownProfiles: Set(catalog.keys).union(FaultPresets.names))
                    profile = profile.merged(with: try parsed.resolvingLayers(in: catalog))
                } catch {
                    problems += error.problems.map { problem in
                        var message = problem.message
                        if let suggestion = problem.suggestion { message += " (\(suggestion))" }
                        return ControlError.Problem(field: problem.key, message: message)
                    }
                }
            }
        }
        problems += profile.media.cameraWideFaultNames.map {
            ControlError.Problem(field: $0, message: "changes the camera's encoder, which every viewer shares; set it on the camera")
        }
        guard problems.isEmpty else { throw ControlError.invalid("invalid fault profile for a session", problems: problems) }
        return (profile, references)
    }
}
