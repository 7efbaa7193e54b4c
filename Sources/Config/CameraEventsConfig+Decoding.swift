import Yams

extension CameraEventsConfig {
    /// Decodes `events: {motion: {every: 30s, for: 5s}}`; each problem is reported at its
    /// field (`every` 1 s to a day, `for` above 0 and below `every`), and nil returned when
    /// there was one.
    static func decode(_ field: YAMLField) -> CameraEventsConfig? {
        guard let map = field.mapping(allowedKeys: keys) else { return nil }
        let before = map.collector.problems.count
        var config = CameraEventsConfig()
        if let motionField = map["motion"], let motion = motionField.mapping(allowedKeys: motionKeys) {
            func duration(_ key: String) -> Int64? {
                guard let field = motion[key] else {
                    motionField.fail("'motion' needs '\(key)', e.g. {every: 30s, for: 5s}")
                    return nil
                }
                guard let text = field.string(expected: "a duration like 30s") else { return nil }
                guard let value = RecordingDuration(parsing: text) else {
                    field.fail("'\(key)' is a duration like 30s or 1m")
                    return nil
                }
                return value.nanoseconds
            }
            let every = duration("every")
            let length = duration("for")
            if let every, !(minimumEvery...maximumEvery).contains(every) {
                motion["every"]?.fail("'every' must be from 1s to 24h")
            } else if let every, let length, length <= 0 || length >= every {
                motion["for"]?.fail("'for' must be above 0 and below 'every'")
            } else if let every, let length {
                config.motion = MotionSchedule(every: every, duration: length)
            }
        }
        return map.collector.problems.count == before ? config : nil
    }

    /// The mapping as `decode` reads it.
    func yamlNode() -> Node {
        var pairs: [(Node, Node)] = []
        if let motion {
            pairs.append((Node("motion"), Node([
                (Node("every"), Node(Self.format(motion.every))), (Node("for"), Node(Self.format(motion.duration))),
            ])))
        }
        return Node(pairs)
    }

    /// `30s`, or `1.5s` / `250ms` when not whole seconds.
    private static func format(_ nanoseconds: Int64) -> String {
        if nanoseconds % 1_000_000_000 == 0 { return "\(nanoseconds / 1_000_000_000)s" }
        return "\(nanoseconds / 1_000_000)ms"
    }
}
