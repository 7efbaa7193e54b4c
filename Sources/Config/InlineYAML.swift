import Yams

/// A piece of YAML that this module carries without interpreting.
///
/// Inline scenes and fault profiles belong to other modules; the configuration
/// keeps their text (re-serialized, so anchors and aliases are already
/// resolved) and where it came from, so the module that parses it can point
/// its own errors at the right line.
public struct InlineYAML: Sendable, Equatable, Hashable {
    /// The YAML text of the value, as a standalone document.
    public var text: String
    /// The configuration file it was written in.
    public var file: String
    /// The 1-based line of the value in `file`.
    public var line: Int
    /// The value as written, cut from `file` with everything before it blanked out, so
    /// each of its lines keeps its line number and column in `file`: parse this and
    /// problems point into the configuration file itself. Nil when the cut-out text
    /// would not read back as the same value (say, an alias to an anchor elsewhere, or
    /// a flow item with siblings on its last line); then parse `text` and add `line`.
    public var textInPlace: String?

    public init(text: String, file: String, line: Int, textInPlace: String? = nil) {
        self.text = text
        self.file = file
        self.line = line
        self.textInPlace = textInPlace
    }

    /// The same text with no source position, for comparing content only.
    var positionless: InlineYAML {
        InlineYAML(text: text, file: "", line: 0)
    }

    /// What to parse and the line in `file` of its first line.
    public var parseable: (text: String, firstLine: Int) {
        if let textInPlace { return (textInPlace, 1) }
        return (text, line)
    }
}

extension InlineYAML {
    /// Captures a field's value as YAML text; nil (reported) if it cannot be serialized.
    init?(field: YAMLField) {
        do {
            let text = try Yams.serialize(node: field.node)
            self.init(
                text: text, file: field.collector.file, line: field.mark?.line ?? 0,
                textInPlace: Self.cutInPlace(field.node, from: field.collector.sourceLines))
        } catch {
            field.fail("cannot re-serialize this value: \(error)")
            return nil
        }
    }
}

extension InlineYAML {
    /// `node`'s lines of `lines`, blank lines before them and its first line blanked up to
    /// its column, or nil unless that text composes to a node equal to `node`.
    static func cutInPlace(_ node: Node, from lines: [Substring]) -> String? {
        guard let mark = node.mark, mark.line >= 1, mark.column >= 1,
              let last = lastLine(of: node), last >= mark.line, last <= lines.count else { return nil }
        let first = lines[mark.line - 1]
        guard first.count >= mark.column - 1 else { return nil }
        let before = Array(repeating: "", count: mark.line - 1)
        let indent = String(repeating: " ", count: mark.column - 1)
        func reads(_ cut: [String]) -> String? {
            let text = cut.joined(separator: "\n") + "\n"
            guard let composed = try? Yams.compose(yaml: text), composed == node else { return nil }
            return text
        }
        let value = first.dropFirst(mark.column - 1)
        if let text = reads(before + [indent + value] + lines[mark.line..<last].map(String.init)) { return text }
        // A flow value with more after it on its line (`[{loss: 5%}, lte]`): the shortest
        // piece ending at a closing bracket that reads back as the value.
        guard last == mark.line else { return nil }
        for end in value.indices where value[end] == "}" || value[end] == "]" {
            if let text = reads(before + [indent + value[...end]]) { return text }
        }
        return nil
    }

    /// The last line any part of `node` starts on; nil for a scalar spanning lines.
    private static func lastLine(of node: Node) -> Int? {
        switch node {
        case .scalar(let scalar):
            guard !scalar.string.contains("\n") else { return nil }
            return scalar.mark?.line
        case .mapping(let mapping):
            var last = mapping.mark?.line
            for (key, value) in mapping {
                guard let keyLine = lastLine(of: key), let valueLine = lastLine(of: value) else { return nil }
                last = max(last ?? 0, keyLine, valueLine)
            }
            return last
        case .sequence(let sequence):
            var last = sequence.mark?.line
            for item in sequence {
                guard let line = lastLine(of: item) else { return nil }
                last = max(last ?? 0, line)
            }
            return last
        case .alias:
            return nil
        }
    }
}
