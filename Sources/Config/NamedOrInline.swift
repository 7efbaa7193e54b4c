/// Something a camera either names (a scene, a fault profile) or writes in place.
///
/// What the names mean and the inline format belong to other modules; this module
/// only tells the two forms apart and keeps where inline text came from.
public enum NamedOrInline<Subject: ReferenceSubject>: Sendable, Equatable, Hashable {
    /// Known by name: a file, a built-in, or a profile defined elsewhere in the file.
    case named(String)
    /// Written inline in the configuration.
    case inline(InlineYAML)

    var positionless: Self {
        switch self {
        case .named: return self
        case .inline(let yaml): return .inline(yaml.positionless)
        }
    }
}

/// What a ``NamedOrInline`` refers to, for its error messages.
public protocol ReferenceSubject: Sendable {
    /// As in "scene name must not be empty".
    static var noun: String { get }
    /// As in "an inline scene mapping".
    static var inlineNoun: String { get }
}

extension NamedOrInline {
    /// Decodes `key: name` or `key: { ...inline... }`.
    init?(field: YAMLField) {
        switch field.node {
        case .scalar:
            guard let name = field.string(), !name.isEmpty else {
                field.fail("\(Subject.noun) name must not be empty")
                return nil
            }
            self = .named(name)
        case .mapping:
            guard let yaml = InlineYAML(field: field) else { return nil }
            self = .inline(yaml)
        default:
            field.typeMismatch(expected: "a \(Subject.noun) name or an inline \(Subject.inlineNoun) mapping")
            return nil
        }
    }
}
