import Config
import Faults
import FuzzSupport

/// The YAML configuration: loading either gives a configuration or names at least one
/// problem; a loaded configuration compared with itself shows no change; its named fault
/// profiles read as the server reads them, each a profile or problems.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let loader = ConfigLoader(knownFaultProfiles: Set(FaultPresets.names))
    let config: CamsimConfig
    do {
        config = try loader.parse(yaml: text, file: "fuzz.yaml")
        let diff = ConfigDiff(old: config, new: config)
        invariant(diff.added.isEmpty && diff.removed.isEmpty && diff.changed.isEmpty && !diff.serverChanged,
                  "a configuration differs from itself")
        invariant(diff.unchanged.count == config.cameras.count, "cameras lost in the diff")
        invariant(Set(config.cameras.map(\.path)).count == config.cameras.count, "duplicate camera paths")
    } catch {
        invariant(!error.problems.isEmpty, "a refusal without a problem")
        return 0
    }
    let known = Set(config.faultProfiles.keys).union(FaultPresets.names)
    for (_, yaml) in config.faultProfiles {
        let source = yaml.parseable
        do {
            _ = try FaultProfile.parse(yaml: source.text, file: yaml.file, line: source.firstLine, knownProfiles: known)
        } catch {
            invariant(!error.problems.isEmpty, "a fault refusal without a problem")
        }
    }
    return 0
}
