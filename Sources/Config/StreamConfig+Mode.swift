extension StreamConfig {
    /// Reads `mode:` and `loop:`. `loop` belongs to a `loop` stream only.
    mutating func decodeMode(_ map: YAMLMapping) {
        if let field = map["mode"], let mode = StreamMode(field: field) { self.mode = mode }
        guard let field = map["loop"] else { return }
        guard mode == .loop else {
            field.fail("'loop' is the length of a loop stream's loop; set 'mode: loop' or remove it")
            return
        }
        guard let text = field.string(expected: "a duration such as 10s") else { return }
        guard let duration = RecordingDuration(parsing: text) else {
            field.fail("expected a duration such as 10s or 1m, found '\(text)'")
            return
        }
        let seconds = Double(duration.nanoseconds) / 1e9
        if let message = Limits.loopSeconds(seconds) { field.fail(message) } else { loopSeconds = seconds }
    }
}
