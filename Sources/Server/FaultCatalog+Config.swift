import Config
import Faults

/// Fault profiles from a configuration: the named ones under `faults:` (checked here,
/// with their file and line) and the presets, and each camera's own list resolved.
struct ConfiguredFaults {
    /// Named profiles from the file; presets are looked up after these.
    let catalog: [String: FaultProfile]

    init(_ config: CamsimConfig) throws(FaultProfileError) {
        let known = Set(config.faultProfiles.keys).union(FaultPresets.names)
        var catalog: [String: FaultProfile] = [:]
        var problems: [FaultProblem] = []
        for (name, yaml) in config.faultProfiles {
            do {
                catalog[name] = try FaultProfile.parse(yaml: yaml.text, file: yaml.file, line: yaml.line, knownProfiles: known)
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw FaultProfileError(problems: problems) }
        self.catalog = catalog
    }

    /// A camera's faults, its list layered in order (later entries win).
    func profile(for camera: CameraConfig) throws(FaultProfileError) -> FaultProfile {
        let known = Set(catalog.keys).union(FaultPresets.names)
        var layers: [FaultProfile] = []
        for reference in camera.faults {
            switch reference {
            case .named(let name):
                guard let profile = catalog[name] ?? FaultPresets.named[name] else {
                    throw FaultProfileError(problems: [FaultProblem(key: name, message: "unknown fault profile '\(name)'")])
                }
                layers.append(profile)
            case .inline(let yaml):
                layers.append(try FaultProfile.parse(yaml: yaml.text, file: yaml.file, line: yaml.line, knownProfiles: known))
            }
        }
        return FaultProfile.merging(layers)
    }
}
