/// One thing wrong with a configuration, pinned to the place it was found.
///
/// `line` and `column` are 1-based positions in `file`; both are 0 when the
/// problem has no position (a file that cannot be read, or a command-line
/// override). `keyPath` names the offending value the way a reader would
/// navigate to it, for example `cameras[2].streams[0].fps`.
public struct ConfigProblem: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or other source, such as `<command line>`) the problem is in.
    public var file: String
    /// 1-based line, or 0 when unknown.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// Dotted path to the value, with `[index]` for list elements.
    public var keyPath: String
    /// What is wrong, in one sentence.
    public var message: String
    /// A likely fix, such as `did you mean 'fps'?`.
    public var suggestion: String?

    public init(
        file: String,
        line: Int,
        column: Int,
        keyPath: String,
        message: String,
        suggestion: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line:column: keyPath: message (suggestion)`, leaving out the parts that are unknown.
    public var description: String {
        var place = file
        if line > 0 {
            place += ":\(line)"
            if column > 0 { place += ":\(column)" }
        }
        var text = "\(place): "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        text += message
        if let suggestion { text += " (\(suggestion))" }
        return text
    }
}
