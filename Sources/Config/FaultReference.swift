/// A fault applied to a camera: a profile by name, or a fault written in place.
public enum FaultReference: Sendable, Equatable, Hashable {
    /// A profile defined under the top-level `faults:` key or built in.
    case named(String)
    /// A fault definition written inline in the camera.
    case inline(InlineYAML)

    var positionless: FaultReference {
        switch self {
        case .named: return self
        case .inline(let yaml): return .inline(yaml.positionless)
        }
    }
}

extension FaultReference {
    /// Decodes one fault entry: a profile name or an inline mapping.
    init?(field: YAMLField) {
        switch field.node {
        case .scalar:
            guard let name = field.string(), !name.isEmpty else {
                field.fail("fault profile name must not be empty")
                return nil
            }
            self = .named(name)
        case .mapping:
            guard let yaml = InlineYAML(field: field) else { return nil }
            self = .inline(yaml)
        default:
            field.typeMismatch(expected: "a fault profile name or an inline fault mapping")
            return nil
        }
    }

    /// Decodes `faults:` of a camera: one entry or a list of entries.
    ///
    /// Named references are returned with their fields so the caller can check
    /// them against the defined profiles once all of them are known.
    static func list(field: YAMLField) -> [(reference: FaultReference, field: YAMLField)]? {
        let items: [YAMLField]
        switch field.node {
        case .sequence:
            items = field.sequence() ?? []
        default:
            items = [field]
        }
        var result: [(FaultReference, YAMLField)] = []
        var ok = true
        for item in items {
            if let reference = FaultReference(field: item) {
                result.append((reference, item))
            } else {
                ok = false
            }
        }
        return ok ? result : nil
    }
}
