/// Every problem found while loading or overriding a configuration.
///
/// Loading never stops at the first problem: all of them are collected so a
/// user can fix a file in one pass. A `ConfigErrors` value always holds at
/// least one problem.
public struct ConfigErrors: Error, CustomStringConvertible, Sendable, Equatable {
    /// The problems, ordered by file position.
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    /// One problem per line, followed by a count.
    public var description: String {
        let lines = problems.map(\.description)
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (lines + ["\(count) in configuration"]).joined(separator: "\n")
    }
}
