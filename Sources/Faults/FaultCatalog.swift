import Spelling
import Yams

/// The fault profiles of a whole camsim configuration file: the named ones
/// under `faults:` and the inline mappings in cameras' `faults:`.
///
/// The configuration module normally hands profiles over one by one (see
/// ``FaultProfile/parse(yaml:file:line:knownProfiles:)``); this reads a file
/// directly, for tools and tests.
public struct FaultCatalog: Sendable, Equatable {
    /// Profiles defined under the top-level `faults:`.
    public var named: [String: FaultProfile]
    /// Inline profiles written in cameras, with the camera's path (or name).
    public var inline: [(camera: String, profile: FaultProfile)]

    public static func == (lhs: FaultCatalog, rhs: FaultCatalog) -> Bool {
        lhs.named == rhs.named && lhs.inline.map(\.camera) == rhs.inline.map(\.camera)
            && lhs.inline.map(\.profile) == rhs.inline.map(\.profile)
    }

    /// Reads `yaml`, a camsim configuration, reporting every problem in its fault profiles.
    public static func parse(configYAML yaml: String, file: String) throws(FaultProfileError) -> FaultCatalog {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw FaultProfileError(problems: [FaultProfile.syntaxProblem(error, file: file, baseLine: 1)])
        }
        var catalog = FaultCatalog(named: [:], inline: [])
        guard let mapping = root?.mapping else { return catalog }
        var problems: [FaultProblem] = []

        var definitions: [(String, Node)] = []
        if let faults = mapping["faults"]?.mapping {
            for (key, value) in faults {
                if let name = key.scalar?.string { definitions.append((name, value)) }
            }
        }
        let known = Set(definitions.map(\.0))
        func read(_ node: Node, path: String) -> FaultProfile? {
            var reader = FaultYAMLReader(file: file, baseLine: 1)
            var builder = FaultProfileYAMLBuilder(reader: reader, knownProfiles: known)
            let profile = builder.profile(from: node, path: path)
            reader = builder.reader
            problems += reader.problems
            return reader.problems.isEmpty ? profile : nil
        }
        for (name, node) in definitions {
            if let profile = read(node, path: "faults.\(name)") { catalog.named[name] = profile }
        }
        if let cameras = mapping["cameras"]?.sequence {
            for (index, camera) in cameras.enumerated() {
                guard let cameraMap = camera.mapping, let faults = cameraMap["faults"] else { continue }
                let label = cameraMap["path"]?.string ?? cameraMap["name"]?.string ?? "cameras[\(index)]"
                let entries: [Node] = faults.sequence.map(Array.init) ?? [faults]
                for (entryIndex, entry) in entries.enumerated() {
                    switch entry {
                    case .mapping:
                        if let profile = read(entry, path: "cameras[\(index)].faults[\(entryIndex)]") {
                            catalog.inline.append((label, profile))
                        }
                    case .scalar(let scalar):
                        let name = scalar.string
                        if !known.contains(name), FaultPresets.named[name] == nil {
                            problems.append(FaultProblem(
                                file: file, line: entry.mark?.line, key: "cameras[\(index)].faults[\(entryIndex)]",
                                message: "fault profile '\(name)' is not defined under 'faults:' or built in",
                                suggestion: Spelling.didYouMean(name, in: known.sorted() + FaultPresets.names)
                            ))
                        }
                    default:
                        continue
                    }
                }
            }
        }
        if !problems.isEmpty { throw FaultProfileError(problems: problems) }
        // Schedules name profiles; resolve them now, not while media flows.
        catalog.named = try catalog.named.resolvingLayers()
        for index in catalog.inline.indices {
            catalog.inline[index].profile = try catalog.inline[index].profile.resolvingLayers(in: catalog.named)
        }
        return catalog
    }
}
