import Yams

extension ConfigLoader {
    /// One camera written as an entry of `cameras:` (the control API's body: JSON is
    /// YAML), decoded and checked as the loader checks a file's cameras. Problems name
    /// keys from the entry itself (`streams[0].fps`); `defaults:` do not apply.
    ///
    /// `faultProfiles` are the profile names defined besides ``knownFaultProfiles``
    /// (the running configuration's `faults:`).
    public func parseCamera(yaml: String, source: String, faultProfiles: Set<String>) throws(ConfigErrors) -> CameraConfig {
        let collector = ProblemCollector(file: source, source: yaml)
        let root: Node
        do {
            root = try Yams.compose(yaml: yaml) ?? Node("", .implicit, .plain)
        } catch {
            throw ConfigErrors(problems: [ConfigLoader.syntaxProblem(error, file: source)])
        }
        let field = YAMLField(node: root, path: .root, collector: collector)
        let cameras = CameraConfig.decodeEntry(
            field, defaults: CameraSettings(), faultNames: knownFaultProfiles.union(faultProfiles))
        if collector.problems.isEmpty, cameras.count != 1 {
            field.fail("add one camera at a time: 'template' and 'count' belong in a configuration file")
        }
        try collector.throwIfAny()
        return cameras[0].config
    }
}
