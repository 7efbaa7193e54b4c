import Foundation

/// One entry of `users:`: a name, a password given inline (`password`), from an
/// environment variable (`password_env`) or from the first line of a file
/// (`password_file`), and the cameras (paths or globs) the user may watch, default all.
public struct UserConfig: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var password: Secret
    public var cameras: [String]
    /// Where the password came from, so a configuration written back names the same
    /// variable or file instead of the password.
    public var passwordSource: PasswordSource

    /// Where a user's password is read from.
    public enum PasswordSource: Sendable, Hashable {
        /// `password:` in the file, or `--user NAME:PASSWORD`.
        case inline
        /// `password_env: VARIABLE`.
        case environment(String)
        /// `password_file: PATH`.
        case file(String)
    }

    public init(name: String, password: Secret, cameras: [String] = [], passwordSource: PasswordSource = .inline) {
        self.name = name
        self.password = password
        self.cameras = cameras
        self.passwordSource = passwordSource
    }

    /// The name and cameras, never the password.
    public var description: String { "\(name) (cameras: \(cameras.isEmpty ? "all" : cameras.joined(separator: ", ")))" }

    static let keys = ["name", "password", "password_env", "password_file", "cameras"]

    /// Longest password read from a file.
    static let maximumPasswordFileLength = 4096

    /// Decodes one entry; problems name the field and never the password.
    static func decode(_ field: YAMLField, environment: [String: String]) -> UserConfig? {
        guard let map = field.mapping(allowedKeys: keys) else { return nil }
        let before = map.collector.problems.count
        var name: String?
        if let field = map["name"], let text = field.string() {
            if text.isEmpty || text.contains(":") || text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                field.fail("a user name is non-empty, without ':' or control characters")
            } else {
                name = text
            }
        } else if !map.has("name") {
            map.fail("a user needs a 'name'")
        }
        let sources = ["password", "password_env", "password_file"].filter { map.has($0) }
        var password: String?
        switch sources.count {
        case 0: map.fail("a user needs one of 'password', 'password_env' or 'password_file'")
        case 1: password = readPassword(map, source: sources[0], environment: environment)
        default: map.fail("give only one of \(sources.map { "'\($0)'" }.joined(separator: ", "))")
        }
        var cameras: [String] = []
        if let field = map["cameras"], let entries = field.sequence() {
            for entry in entries {
                guard let text = entry.string(expected: "a camera path or glob") else { continue }
                if text.isEmpty { entry.fail("a camera pattern must not be empty") } else { cameras.append(text) }
            }
        }
        guard map.collector.problems.count == before, let name, let password else { return nil }
        let source: PasswordSource = switch sources[0] {
        case "password_env": .environment(map["password_env"]?.string() ?? "")
        case "password_file": .file(map["password_file"]?.string() ?? "")
        default: .inline
        }
        return UserConfig(name: name, password: Secret(password), cameras: cameras, passwordSource: source)
    }

    private static func readPassword(_ map: YAMLMapping, source: String, environment: [String: String]) -> String? {
        guard let field = map[source], let text = field.string() else { return nil }
        switch source {
        case "password_env":
            guard let value = environment[text], !value.isEmpty else {
                field.fail("environment variable '\(text)' is not set or empty")
                return nil
            }
            return value
        case "password_file":
            guard let data = FileManager.default.contents(atPath: text) else {
                field.fail("cannot read password file '\(text)'")
                return nil
            }
            guard data.count <= maximumPasswordFileLength, let contents = String(data: data, encoding: .utf8) else {
                field.fail("password file '\(text)' is not UTF-8 text of at most \(maximumPasswordFileLength) bytes")
                return nil
            }
            let line = contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !line.isEmpty else {
                field.fail("password file '\(text)' is empty")
                return nil
            }
            return line
        default:
            if text.isEmpty {
                field.fail("password must not be empty")
                return nil
            }
            return text
        }
    }
}
