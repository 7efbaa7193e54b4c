import Config
import Faults

/// Fault profiles from a configuration: the named ones under `faults:` (checked here,
/// with their file and line) and the presets, and each camera's own list resolved.
struct ConfiguredFaults {
    /// Named profiles from the file; presets are looked up after these.
    let catalog: [String: FaultProfile]

    init(_ config: CamsimConfig) throws(FaultProfileError) {
        let (faults, problems) = Self.reading(config)
        guard problems.isEmpty else { throw FaultProfileError(problems: problems) }
        self = faults
    }

    private init(catalog: [String: FaultProfile]) {
        self.catalog = catalog
    }

    /// Every named profile that parses, an empty one in the place of each that does not
    /// (so the cameras using it can still be checked), and the problems found.
    static func reading(_ config: CamsimConfig) -> (faults: ConfiguredFaults, problems: [FaultProblem]) {
        let known = Set(config.faultProfiles.keys).union(FaultPresets.names)
        var catalog: [String: FaultProfile] = [:]
        var problems: [FaultProblem] = []
        for (name, yaml) in config.faultProfiles.sorted(by: { $0.value.line < $1.value.line }) {
            do {
                let source = yaml.parseable
                catalog[name] = try FaultProfile.parse(yaml: source.text, file: yaml.file, line: source.firstLine, knownProfiles: known)
            } catch {
                catalog[name] = .empty
                problems += error.problems
            }
        }
        return (ConfiguredFaults(catalog: catalog), problems)
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
                let source = yaml.parseable
                layers.append(try FaultProfile.parse(yaml: source.text, file: yaml.file, line: source.firstLine, knownProfiles: known))
            }
        }
        return FaultProfile.merging(layers)
    }
}
