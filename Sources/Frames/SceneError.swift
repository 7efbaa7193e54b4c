/// Why a scene could not be loaded or built: which file, which line, which field.
public struct SceneError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The scene file (path or name as given).
    public var file: String
    /// 1-based line in the file, or nil when the problem is not tied to a line.
    public var line: Int?
    /// The field, as a path such as `layers[2].template` (empty for the whole file).
    public var field: String
    public var message: String
    /// Further problems found in the same scene, in file order; empty when this is the only one.
    public var more: [SceneError] = []

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// This problem and every further one, each on its own.
    public var all: [SceneError] {
        var first = self
        first.more = []
        return [first] + more.flatMap(\.all)
    }

    /// One error for several problems (at least one): the first in file order, carrying
    /// the others in file order (problems on one line keep the order they were found in).
    static func combining(_ problems: [SceneError]) -> SceneError {
        let all = problems.flatMap(\.all).enumerated().sorted { a, b in
            let (l, r) = (a.element.line ?? .max, b.element.line ?? .max)
            return l != r ? l < r : a.offset < b.offset
        }.map(\.element)
        var first = all[0]
        first.more = Array(all.dropFirst())
        return first
    }

    /// `file:line: field: message`, the form compilers use, so editors can jump to it;
    /// one line per problem.
    public var description: String {
        all.map { problem in
            var s = problem.file
            if let line = problem.line { s += ":\(line)" }
            s += ": "
            if !problem.field.isEmpty { s += "\(problem.field): " }
            return s + problem.message
        }.joined(separator: "\n")
    }
}
