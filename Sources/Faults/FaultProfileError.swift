/// One thing wrong in a fault profile.
public struct FaultProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file it was written in; nil for URL parameters.
    public var file: String?
    /// The 1-based line in `file`; nil when unknown.
    public var line: Int?
    /// The key path (`burst_loss.rate`, `schedule.timeline[1].at`) or URL parameter.
    public var key: String
    /// What is wrong.
    public var message: String
    /// A hint such as `did you mean 'jitter'?`.
    public var suggestion: String?

    public init(file: String? = nil, line: Int? = nil, key: String, message: String, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line: key: message (suggestion)`; for URL parameters just
    /// `message (suggestion)`, since the message names the parameter.
    public var description: String {
        var text: String
        if let file {
            text = "\(file):\(line.map(String.init) ?? "?"): \(key): \(message)"
        } else {
            text = message
        }
        if let suggestion { text += " (\(suggestion))" }
        return text
    }
}

/// Why a fault profile could not be read: every problem found, in order.
public struct FaultProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [FaultProblem]

    public init(problems: [FaultProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
