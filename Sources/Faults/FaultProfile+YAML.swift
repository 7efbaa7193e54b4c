import Foundation
import Yams

extension FaultProfile {
    /// Parses a profile written in YAML (the body of one entry of `faults:`, or
    /// a camera's inline fault mapping).
    ///
    /// `file` and `line` say where the text starts, so problems point into the
    /// configuration file. All problems are reported together. Names used by
    /// `preset:` and by schedule `apply:` entries must be presets, or in
    /// `knownProfiles` when that is given (nil accepts any name for `apply:`).
    ///
    /// See `Configs/faults-demo.yaml` for every key.
    public static func parse(
        yaml: String, file: String, line: Int, knownProfiles: Set<String>? = nil
    ) throws(FaultProfileError) -> FaultProfile {
        var reader = FaultYAMLReader(file: file, baseLine: line)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw FaultProfileError(problems: [Self.syntaxProblem(error, file: file, baseLine: line)])
        }
        guard let root, !FaultYAMLReader.isNull(root) else { return .empty }
        var builder = FaultProfileYAMLBuilder(reader: reader, knownProfiles: knownProfiles)
        let profile = builder.profile(from: root, path: "")
        reader = builder.reader
        if !reader.problems.isEmpty { throw FaultProfileError(problems: reader.problems) }
        return profile
    }

    static func syntaxProblem(_ error: Error, file: String, baseLine: Int) -> FaultProblem {
        var line: Int?
        var message = "not valid YAML"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                line = baseLine + mark.line - 1
                message = "not valid YAML: \(problem)"
            default:
                message = "not valid YAML: \(yamlError)"
            }
        }
        return FaultProblem(file: file, line: line, key: "(document)", message: message)
    }
}
