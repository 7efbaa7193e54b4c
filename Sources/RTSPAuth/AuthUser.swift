/// A user who may watch cameras: a name, a password, and the camera paths (or globs:
/// `*` any run within a segment, `**` anything, `?` one character) they may watch;
/// no patterns means every camera.
public struct AuthUser: Hashable, Sendable {
    public var name: String
    public var password: String
    public var cameras: [String]

    public init(name: String, password: String, cameras: [String] = []) {
        self.name = name
        self.password = password
        self.cameras = cameras
    }

    /// Whether the user may watch the camera at `path` (no leading slash).
    public func mayView(_ path: String) -> Bool {
        cameras.isEmpty || cameras.contains { Self.glob($0, matches: path) }
    }

    /// Shell-style matching: `**` matches across `/`, `*` and `?` do not.
    public static func glob(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern.utf8.drop { $0 == UInt8(ascii: "/") }), text = Array(text.utf8)
        // Memoised over (pattern index, text index); patterns are short.
        var memo: [Int: Bool] = [:]
        func match(_ p: Int, _ t: Int) -> Bool {
            let key = p * (text.count + 1) + t
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == UInt8(ascii: "*") {
                let double = p + 1 < pattern.count && pattern[p + 1] == UInt8(ascii: "*")
                let next = double ? p + 2 : p + 1
                var found = match(next, t)
                var index = t
                while !found, index < text.count, double || text[index] != UInt8(ascii: "/") {
                    index += 1
                    found = match(next, index)
                }
                result = found
            } else if t < text.count, pattern[p] == text[t] || (pattern[p] == UInt8(ascii: "?") && text[t] != UInt8(ascii: "/")) {
                result = match(p + 1, t + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}

extension AuthUser: CustomStringConvertible {
    /// The name and cameras; never the password.
    public var description: String { "\(name) (cameras: \(cameras.isEmpty ? "all" : cameras.joined(separator: ", ")))" }
}
