/// A camera's `auth:` mode as written in the configuration.
public enum AuthModeSetting: String, Sendable, Hashable, CaseIterable {
    case none
    case basic
    case digest
    case digestSHA256 = "digest-sha256"
    case digestAndBasic = "digest+basic"

    static var names: [String] { allCases.map(\.rawValue) }

    /// Reads a mode, reporting an unknown one with the nearest name.
    static func decode(_ field: YAMLField) -> AuthModeSetting? {
        guard let text = field.string(expected: "an auth mode: \(names.joined(separator: ", "))") else { return nil }
        guard let mode = AuthModeSetting(rawValue: text.lowercased()) else {
            field.fail("unknown auth mode '\(text)'", suggestion: Spelling.didYouMean(text.lowercased(), in: names)
                ?? "valid modes: \(names.joined(separator: ", "))")
            return nil
        }
        return mode
    }
}

import Spelling
