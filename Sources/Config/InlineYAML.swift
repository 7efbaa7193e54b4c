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

    public init(text: String, file: String, line: Int) {
        self.text = text
        self.file = file
        self.line = line
    }

    /// The same text with no source position, for comparing content only.
    var positionless: InlineYAML {
        InlineYAML(text: text, file: "", line: 0)
    }
}

extension InlineYAML {
    /// Captures a field's value as YAML text; nil (reported) if it cannot be serialized.
    init?(field: YAMLField) {
        do {
            let text = try Yams.serialize(node: field.node)
            self.init(text: text, file: field.collector.file, line: field.mark?.line ?? 0)
        } catch {
            field.fail("cannot re-serialize this value: \(error)")
            return nil
        }
    }
}
