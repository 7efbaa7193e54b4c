/// A fault applied to a camera: a profile by name (defined under the top-level
/// `faults:` key or built in), or a fault written inline in the camera.
public typealias FaultReference = NamedOrInline<FaultSubject>

public enum FaultSubject: ReferenceSubject {
    public static let noun = "fault profile"
    public static let inlineNoun = "fault"
}

extension NamedOrInline where Subject == FaultSubject {
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
