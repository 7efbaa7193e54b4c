import Yams

/// Turns scene YAML into a validated `Scene`, reporting the first problem with its
/// file, line and field.
///
/// A scene file is a mapping:
///
///     name: smpte-clock            # optional; defaults to the file's stem
///     description: ...             # optional
///     background: {type: smpte-bars}   # one layer, drawn first over the whole frame
///     layers:                      # optional list of overlays, drawn in order
///       - type: text
///         template: "{camera}"
///         x: 0.05
///         ...
struct SceneParser {
    let file: String

    static let topLevelFields = ["name", "description", "background", "layers"]

    func parse(yaml: String) throws(SceneError) -> (name: String?, description: String?, background: LayerSpec, overlays: [LayerSpec]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw yamlError(error, yaml: yaml)
        } catch {
            throw SceneError(file: file, line: nil, field: "", message: "\(error)")
        }
        guard let root else { throw SceneError(file: file, line: 1, field: "", message: "the file is empty") }
        guard let mapping = root.mapping else {
            throw SceneError(file: file, line: root.mark?.line, field: "", message: "a scene must be a mapping with a background and layers")
        }
        // Every problem is collected, so one run reports them all.
        var problems: [SceneError] = []
        func attempt(_ body: () throws(SceneError) -> Void) {
            do { try body() } catch { problems.append(error) }
        }
        var name: String?, description: String?, background: LayerSpec?, overlays: [LayerSpec] = []
        var backgroundGiven = false
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name": attempt { () throws(SceneError) in name = try scalar(value, field: "name") }
            case "description": attempt { () throws(SceneError) in description = try scalar(value, field: "description") }
            case "background":
                backgroundGiven = true
                attempt { () throws(SceneError) in background = try layer(value, path: "background") }
            case "layers":
                if case .scalar(let s) = value, s.string.isEmpty || s.string == "null" { continue }
                guard let seq = value.sequence else {
                    problems.append(SceneError(file: file, line: value.mark?.line, field: "layers", message: "must be a list of layers"))
                    continue
                }
                for (i, item) in seq.enumerated() {
                    attempt { () throws(SceneError) in overlays.append(try layer(item, path: "layers[\(i)]")) }
                }
            default:
                problems.append(SceneError(
                    file: file, line: keyNode.mark?.line, field: key,
                    message: "unknown field; valid fields: " + Self.topLevelFields.joined(separator: ", ")))
            }
        }
        if !backgroundGiven {
            problems.append(SceneError(
                file: file, line: root.mark?.line, field: "background", message: "missing; every scene needs a background layer"))
        }
        if !problems.isEmpty { throw SceneError.combining(problems) }
        guard let background else {
            throw SceneError(file: file, line: root.mark?.line, field: "background", message: "missing; every scene needs a background layer")
        }
        return (name, description, background, overlays)
    }

    private func yamlError(_ error: YamlError, yaml: String) -> SceneError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return SceneError(file: file, line: mark.line, field: "", message: "YAML syntax error: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            return SceneError(
                file: file, line: Self.secondOccurrence(of: key, in: yaml, from: context.mark.line) ?? context.mark.line,
                field: key, message: "duplicated key")
        default:
            return SceneError(file: file, line: nil, field: "", message: "YAML error: \(error)")
        }
    }

    /// Yams reports a duplicated key at its mapping; find the line of the repeat itself.
    /// Lines end at CR, LF or CRLF, as YAML counts them (YAML 1.1 §5.4), so the numbers agree
    /// with Yams' marks; a mark past the end finds nothing.
    private static func secondOccurrence(of key: String, in yaml: String, from line: Int) -> Int? {
        let lines = yaml.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var seen = 0
        var indent: Int?
        for i in min(max(0, line - 1), lines.count)..<lines.count {
            let text = lines[i]
            let stripped = text.drop { $0 == " " || $0 == "-" }
            let depth = text.count - stripped.count
            guard stripped.hasPrefix(key + ":") else { continue }
            if indent == nil { indent = depth }
            guard depth == indent else { continue }
            seen += 1
            if seen == 2 { return i + 1 }
        }
        return nil
    }

    private func scalar(_ node: Node, field: String) throws(SceneError) -> String {
        guard case .scalar(let s) = node else {
            var message = "must be a single value, not a list or mapping"
            if case .mapping = node, field.hasSuffix("template") {
                message += " (quote a template that starts with {, e.g. template: \"{camera}\")"
            }
            throw SceneError(file: file, line: node.mark?.line, field: field, message: message)
        }
        return s.string
    }

    private func layer(_ node: Node, path: String) throws(SceneError) -> LayerSpec {
        guard let mapping = node.mapping else {
            throw SceneError(file: file, line: node.mark?.line, field: path, message: "a layer must be a mapping with a type")
        }
        var typeName: String?
        for (k, v) in mapping where k.string == "type" {
            typeName = try scalar(v, field: "\(path).type")
            guard let t = typeName, LayerType(rawValue: t) != nil else {
                throw SceneError(
                    file: file, line: v.mark?.line, field: "\(path).type",
                    message: "unknown layer type \"\(typeName ?? "")\"; valid types: \(LayerType.validNames)")
            }
        }
        guard let typeName, let type = LayerType(rawValue: typeName) else {
            throw SceneError(
                file: file, line: node.mark?.line, field: "\(path).type",
                message: "missing; valid types: \(LayerType.validNames)")
        }
        let fields = LayerType.commonFields.merging(type.fields) { a, _ in a }
        var values: [String: FieldValue] = [:]
        var lines: [String: Int] = [:]
        var problems: [SceneError] = []
        for (keyNode, valueNode) in mapping {
            do throws(SceneError) {
                try field(keyNode, valueNode, of: type, named: typeName, path: path, fields: fields, into: &values, lines: &lines)
            } catch {
                problems.append(error)
            }
        }
        if type.takesTemplate, values["template"] == nil, type.defaultTemplate == nil,
           !mapping.contains(where: { $0.key.string == "template" }) {
            problems.append(SceneError(
                file: file, line: node.mark?.line, field: "\(path).template",
                message: "missing; a \(type == .qr ? "qr" : "text") layer needs a template"))
        }
        if !problems.isEmpty { throw SceneError.combining(problems) }
        if type.isText, values["template"] == nil, let t = type.defaultTemplate {
            values["template"] = .template(try! TextTemplate(t))
        }
        return LayerSpec(type: type, line: node.mark?.line, path: path, values: values, lines: lines)
    }

    /// Reads one field of a layer into `values` (and its line into `lines`).
    private func field(
        _ keyNode: Node, _ valueNode: Node, of type: LayerType, named typeName: String, path: String,
        fields: [String: FieldKind], into values: inout [String: FieldValue], lines: inout [String: Int]
    ) throws(SceneError) {
        let key = keyNode.string ?? ""
        let field = "\(path).\(key)"
        guard let kind = fields[key] else {
            throw SceneError(
                file: file, line: keyNode.mark?.line, field: field,
                message: "unknown field for a \(typeName) layer; valid fields: " + fields.keys.sorted().joined(separator: ", "))
        }
        if key == "type" { return }
        let text = try scalar(valueNode, field: field)
        let line = valueNode.mark?.line ?? keyNode.mark?.line
        lines[key] = line
        func fail(_ message: String) -> SceneError {
            SceneError(file: file, line: line, field: field, message: message)
        }
        switch kind {
        case .length:
            guard let v = Length(parsing: text) else {
                throw fail("\"\(text)\" is not a length: use whole pixels (64), a fraction with a decimal point (0.05) or a percentage (\"5%\")")
            }
            values[key] = .length(v)
        case .number(let range):
            guard let v = Double(text), range.contains(v) else {
                throw fail("\"\(text)\" must be a number in \(range.lowerBound)...\(range.upperBound)")
            }
            values[key] = .number(v)
        case .unit:
            guard let v = Double(text), (0...1).contains(v) else { throw fail("\"\(text)\" must be a number in 0...1") }
            values[key] = .number(v)
        case .integer(let range):
            guard let v = Int(text), range.contains(v) else {
                throw fail("\"\(text)\" must be a whole number in \(range.lowerBound)...\(range.upperBound)")
            }
            values[key] = .integer(v)
        case .colour:
            guard let c = SceneColour(parsing: text) else {
                throw fail("\"\(text)\" is not a colour: use a name (\(SceneColour.names.keys.sorted().joined(separator: ", "))), #RRGGBB or ycbcr(Y, Cb, Cr)")
            }
            values[key] = .colour(c)
        case .string:
            values[key] = .string(text)
        case .template:
            do {
                values[key] = .template(try TextTemplate(text))
            } catch {
                throw fail(error.message)
            }
        case .choice(let options):
            guard options.contains(text) else { throw fail("\"\(text)\" is not one of: " + options.joined(separator: ", ")) }
            values[key] = .string(text)
        }
    }
}
