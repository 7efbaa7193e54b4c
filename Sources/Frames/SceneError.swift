/// Why a scene could not be loaded or built: which file, which line, which field.
public struct SceneError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The scene file (path or name as given).
    public var file: String
    /// 1-based line in the file, or nil when the problem is not tied to a line.
    public var line: Int?
    /// The field, as a path such as `layers[2].template` (empty for the whole file).
    public var field: String
    public var message: String

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if !field.isEmpty { s += "\(field): " }
        return s + message
    }
}
