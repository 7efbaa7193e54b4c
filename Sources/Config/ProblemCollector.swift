import Yams

/// Accumulates problems while one document is decoded.
///
/// Decoders report and carry on with a fallback value, so a single pass finds
/// every problem in a file.
final class ProblemCollector {
    let file: String
    /// The document's lines, so inline YAML can be cut out with its positions.
    let sourceLines: [Substring]
    private(set) var problems: [ConfigProblem] = []

    init(file: String, source: String = "") {
        self.file = file
        sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func report(
        _ message: String,
        at mark: Mark?,
        path: ConfigKeyPath,
        suggestion: String? = nil
    ) {
        problems.append(ConfigProblem(
            file: file,
            line: mark?.line ?? 0,
            column: mark?.column ?? 0,
            keyPath: path.description,
            message: message,
            suggestion: suggestion
        ))
    }

    /// Problems in file order; problems at the same place keep the order they were found in.
    var sortedProblems: [ConfigProblem] {
        problems.enumerated().sorted { lhs, rhs in
            let l = lhs.element, r = rhs.element
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Throws the collected problems, if any.
    func throwIfAny() throws(ConfigErrors) {
        if !problems.isEmpty { throw ConfigErrors(problems: sortedProblems) }
    }
}
