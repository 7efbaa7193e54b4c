import Spelling
import Yams

/// Walks a composed YAML tree, collecting problems with file, line and key path.
struct FaultYAMLReader {
    let file: String
    /// Line in `file` of the text's first line.
    let baseLine: Int
    var problems: [FaultProblem] = []

    init(file: String, baseLine: Int) {
        self.file = file
        self.baseLine = max(1, baseLine)
    }

    func line(of node: Node?) -> Int? {
        node?.mark.map { baseLine + $0.line - 1 }
    }

    mutating func fail(_ node: Node?, _ key: String, _ message: String, suggestion: String? = nil) {
        problems.append(FaultProblem(file: file, line: line(of: node), key: key, message: message, suggestion: suggestion))
    }

    static func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    /// The text of a scalar node, or nil (reported) for anything else.
    mutating func scalar(_ node: Node, _ key: String, expected: String) -> String? {
        guard case .scalar(let scalar) = node else {
            fail(node, key, "expected \(expected)")
            return nil
        }
        return scalar.string
    }

    /// The entries of a mapping with string keys; unknown keys are reported
    /// with the nearest allowed key, duplicates too. Nil (reported) if not a
    /// mapping, and when `strict` also if any key was wrong (so that a misspelt
    /// key does not also raise "… is required").
    mutating func mapping(
        _ node: Node, _ key: String, allowed: [String], expected: String, strict: Bool = true
    ) -> [(String, Node)]? {
        guard case .mapping(let mapping) = node else {
            fail(node, key, "expected \(expected)")
            return nil
        }
        var entries: [(String, Node)] = []
        var seen = Set<String>()
        let before = problems.count
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                fail(keyNode, key, "keys must be plain words")
                continue
            }
            let name = scalar.string
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                fail(keyNode, path, "unknown key '\(name)'", suggestion: Spelling.didYouMean(name, in: allowed))
                continue
            }
            guard seen.insert(name).inserted else {
                fail(keyNode, path, "key '\(name)' is given twice")
                continue
            }
            if Self.isNull(value) { continue }
            entries.append((name, value))
        }
        if strict && problems.count > before { return nil }
        return entries
    }

    /// Reads a scalar with `parse`, reporting "expected …, got '…'" on failure.
    mutating func value<T>(_ node: Node, _ key: String, expected: String, _ parse: (String) -> T?) -> T? {
        guard let text = scalar(node, key, expected: expected) else { return nil }
        guard let value = parse(text) else {
            fail(node, key, "expected \(expected), got '\(text)'")
            return nil
        }
        return value
    }

    mutating func probability(_ node: Node, _ key: String) -> Double? {
        value(node, key, expected: FaultKeys.probabilityYAML) { FaultValues.probability($0, bareIsPercent: false) }
    }

    mutating func duration(_ node: Node, _ key: String, bare: Int64, allowNegative: Bool = false) -> Int64? {
        let expected = bare == FaultTime.millisecond ? FaultKeys.msDuration : FaultKeys.sDuration
        return value(node, key, expected: expected) {
            FaultValues.duration($0, bareUnit: bare, allowNegative: allowNegative)
        }
    }

    mutating func integer(_ node: Node, _ key: String, _ range: ClosedRange<Int>) -> Int? {
        value(node, key, expected: "a whole number \(range.lowerBound)–\(range.upperBound)") {
            FaultValues.integer($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    mutating func number(_ node: Node, _ key: String, _ range: ClosedRange<Double>) -> Double? {
        value(node, key, expected: "a number \(range.lowerBound)–\(range.upperBound)") {
            FaultValues.numberAndUnit($0).flatMap { $0.1.isEmpty && range.contains($0.0) ? $0.0 : nil }
        }
    }

    mutating func bool(_ node: Node, _ key: String) -> Bool? {
        value(node, key, expected: "true or false", FaultValues.bool)
    }

    /// `{at, duration | for, every}`: an occurrence window; `duration` required when `needsDuration`.
    mutating func window(_ node: Node, _ key: String, needsDuration: Bool, durationName: String = "duration") -> FaultWindow? {
        let allowed = ["at", durationName, "for", "every"]
        guard let entries = mapping(node, key, allowed: allowed, expected: "a mapping {at: 10s, \(durationName): 5s, every: 60s}") else {
            return nil
        }
        var window = FaultWindow()
        var ok = true
        var sawDuration = false
        for (name, value) in entries {
            let path = "\(key).\(name)"
            guard let nanos = duration(value, path, bare: FaultTime.second) else { ok = false; continue }
            switch name {
            case "at": window.start = nanos
            case "every":
                guard nanos > 0 else { fail(value, path, "must be greater than 0"); ok = false; continue }
                window.every = nanos
            default:
                if sawDuration { fail(value, path, "give '\(durationName)' or 'for', not both"); ok = false }
                sawDuration = true
                window.duration = nanos
            }
        }
        if needsDuration && !sawDuration && ok {
            fail(node, key, "'\(durationName)' is required")
            return nil
        }
        if let every = window.every, let duration = window.duration, duration > every {
            fail(node, key, "'\(durationName)' must not be longer than 'every'")
            return nil
        }
        return ok ? window : nil
    }
}
