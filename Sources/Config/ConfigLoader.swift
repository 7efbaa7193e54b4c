import Foundation
import Yams

/// Reads camsim configuration files.
///
/// Loading is all or nothing: either every value is valid and a complete
/// ``CamsimConfig`` is returned, or ``ConfigErrors`` lists every problem found.
public struct ConfigLoader: Sendable {
    /// Fault profile names that are defined outside the file (built-in presets).
    public var knownFaultProfiles: Set<String>

    public init(knownFaultProfiles: Set<String> = []) {
        self.knownFaultProfiles = knownFaultProfiles
    }

    /// Loads the file at `file`; problems are reported against its path.
    public func load(file: URL) throws(ConfigErrors) -> CamsimConfig {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ConfigErrors(problems: [ConfigProblem(
                file: file.path, line: 0, column: 0, keyPath: "",
                message: "cannot read configuration file: \(error.localizedDescription)"
            )])
        }
        return try parse(yaml: text, file: file.path)
    }

    /// Parses configuration text; `file` is the name used in problem reports and inline YAML.
    public func parse(yaml: String, file: String) throws(ConfigErrors) -> CamsimConfig {
        let collector = ProblemCollector(file: file, source: yaml)
        let root: Node
        do {
            root = try Yams.compose(yaml: yaml) ?? Node("", .implicit, .plain)
        } catch {
            throw ConfigErrors(problems: [ConfigLoader.syntaxProblem(error, file: file)])
        }
        let config = CamsimConfig(
            root: YAMLField(node: root, path: .root, collector: collector),
            knownFaultProfiles: knownFaultProfiles
        )
        try collector.throwIfAny()
        // Streams' multicast groups, checked across cameras once the file is read, so
        // problems name the file; the server allocates again after command-line overrides.
        _ = try MulticastAllocation(config, file: file)
        return config
    }

    /// Turns a Yams error into a positioned problem.
    static func syntaxProblem(_ error: any Error, file: String) -> ConfigProblem {
        func problem(_ message: String, _ position: (line: Int, column: Int)?) -> ConfigProblem {
            ConfigProblem(file: file, line: position?.line ?? 0, column: position?.column ?? 0,
                          keyPath: "", message: "YAML syntax error: \(message)")
        }
        guard let error = error as? YamlError else { return problem("\(error)", nil) }
        switch error {
        case .scanner(let context, let text, let mark, _),
             .parser(let context, let text, let mark, _),
             .composer(let context, let text, let mark, _):
            let prefix = context.map { "\($0.text) at line \($0.mark.line), " } ?? ""
            return problem(prefix + text, (mark.line, mark.column))
        case .reader(let text, let offset, _, let yaml):
            return problem(text, offset.flatMap { lineAndColumn(offset: $0, in: yaml) })
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return problem("duplicate key \(keys) in a mapping", (context.mark.line, context.mark.column))
        default:
            return problem("\(error)", nil)
        }
    }

    private static func lineAndColumn(offset: Int, in text: String) -> (line: Int, column: Int)? {
        guard let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else { return nil }
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.distance(from: before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex,
                                     to: before.endIndex) + 1
        return (line, column)
    }
}
