import Foundation

extension CamsimConfig {
    /// `users:`, a list; a name given twice is reported at its second entry.
    static func decodeUsers(_ field: YAMLField) -> [UserConfig] {
        guard let entries = field.sequence() else { return [] }
        let environment = ProcessInfo.processInfo.environment
        var users: [UserConfig] = []
        for entry in entries {
            guard let user = UserConfig.decode(entry, environment: environment) else { continue }
            if users.contains(where: { $0.name == user.name }) {
                entry.fail("user '\(user.name)' is listed twice")
                continue
            }
            users.append(user)
        }
        return users
    }

    /// Adds (or replaces, by name) users given on the command line.
    public mutating func addUsers(_ added: [UserConfig]) {
        for user in added {
            users.removeAll { $0.name == user.name }
            users.append(user)
        }
    }
}
