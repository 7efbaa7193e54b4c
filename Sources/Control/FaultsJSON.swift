import Config
import Foundation

/// A camera's `faults:` in JSON, both ways: one inline profile is its mapping, one named
/// profile is `{"profile": "lte"}`, several layers are an array of names and mappings,
/// none is `{}`. The same shapes are what `PUT .../faults` takes.
struct FaultsJSON {
    let references: [FaultReference]

    init(_ references: [FaultReference]) {
        self.references = references
    }

    var isEmpty: Bool { references.isEmpty }

    /// The name, when the faults are one named profile.
    var profileName: String? {
        if references.count == 1, case .named(let name) = references[0] { return name }
        return nil
    }

    var json: JSONValue {
        switch references.count {
        case 0: return .object([:])
        case 1:
            if let profileName { return .object(["profile": .string(profileName)]) }
            return Self.json(references[0])
        default: return .array(references.map(Self.json))
        }
    }

    private static func json(_ reference: FaultReference) -> JSONValue {
        switch reference {
        case .named(let name): return .string(name)
        case .inline(let yaml): return (try? JSONValue(yaml: yaml.text)) ?? .string(yaml.text)
        }
    }

    /// The references of a `PUT .../faults` request's body (camera or session): 400 when
    /// there is none (`missing` says what to send), 422 naming `faults` when its shape is
    /// not a fault profile.
    static func references(inRequestBody body: (text: String, value: Any)?, missing: String) throws -> [FaultReference] {
        guard let body else { throw ControlError.badRequest(missing) }
        guard let references = references(fromBody: body.value, text: body.text) else {
            throw ControlError.invalid("not a fault profile", problems: [.init(
                field: "faults", message: "expected a fault mapping, {\"profile\": NAME}, or a list of names and mappings")])
        }
        return references
    }

    /// The references a `PUT .../faults` body asks for: `{"profile": NAME}`, a fault mapping,
    /// or an array of names and mappings (layered in order). Nil when the shape is none of them.
    /// `text` is the body as sent: a single mapping is kept as written (JSON is YAML).
    static func references(fromBody value: Any, text: String) -> [FaultReference]? {
        if let object = value as? [String: Any] {
            if object.count == 1, let name = object["profile"] as? String { return [.named(name)] }
            if object.isEmpty { return [] }
            return [.inline(InlineYAML(text: text + "\n", file: "request", line: 1))]
        }
        guard let array = value as? [Any] else { return nil }
        var references: [FaultReference] = []
        for item in array {
            if let name = item as? String {
                references.append(.named(name))
            } else if let object = item as? [String: Any], let reference = inline(object) {
                references.append(reference)
            } else {
                return nil
            }
        }
        return references
    }

    /// A mapping kept as JSON text, which is YAML the fault parser reads.
    private static func inline(_ object: [String: Any]) -> FaultReference? {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return .inline(InlineYAML(text: String(decoding: data, as: UTF8.self) + "\n", file: "request", line: 1))
    }
}
