/// What a camera shows: a scene known by name, or a scene written in place.
///
/// Scene names (such as `smpte-clock`) and the inline scene format belong to
/// the scene module; this module only tells the two forms apart.
public enum SceneReference: Sendable, Equatable, Hashable {
    /// A built-in scene or a scene file, by name.
    case named(String)
    /// A scene definition written inline in the configuration.
    case inline(InlineYAML)

    /// The scene every camera shows unless told otherwise.
    public static let `default` = SceneReference.named("smpte-clock")

    var positionless: SceneReference {
        switch self {
        case .named: return self
        case .inline(let yaml): return .inline(yaml.positionless)
        }
    }
}

extension SceneReference {
    /// Decodes `scene: name` or `scene: { ...inline... }`.
    init?(field: YAMLField) {
        switch field.node {
        case .scalar:
            guard let name = field.string(), !name.isEmpty else {
                field.fail("scene name must not be empty")
                return nil
            }
            self = .named(name)
        case .mapping:
            guard let yaml = InlineYAML(field: field) else { return nil }
            self = .inline(yaml)
        default:
            field.typeMismatch(expected: "a scene name or an inline scene mapping")
            return nil
        }
    }
}
