extension ConfigOverrides {
    /// Every override that is out of range, named by its command-line option.
    func validationProblems() -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func check(_ option: String, _ message: String?, suggestion: String? = nil) {
            guard let message else { return }
            problems.append(ConfigProblem(
                file: "<command line>", line: 0, column: 0,
                keyPath: "--\(option)", message: message, suggestion: suggestion
            ))
        }
        if let port { check("port", Limits.port(port)) }
        if let tlsPort { check("tls-port", Limits.port(tlsPort)) }
        if let bind, bind.isEmpty { check("bind", "bind address must not be empty") }
        if let logLevel, let problem = Limits.logLevel(logLevel) {
            check("log-level", problem.message, suggestion: problem.suggestion)
        }
        if let mtu { check("mtu", Limits.mtu(mtu)) }
        if let controlAddress, case .failure(let problem) = ServerSettings.controlAddress(controlAddress) {
            check("control", problem.message)
        }
        if let cameraCount {
            check("cameras", Limits.templateCountRange.contains(cameraCount)
                ? nil : "camera count must be between 1 and 10000, got \(cameraCount)")
        }
        if let scene, scene.isEmpty { check("scene", "scene name must not be empty") }
        if let width { check("width", Limits.dimension("width", width)) }
        if let height { check("height", Limits.dimension("height", height)) }
        if let fps { check("fps", Limits.fps(fps)) }
        if let gop { check("gop", Limits.gop(gop)) }
        if bitrateKbps != nil, crf != nil { check("crf", "set either a bitrate or a crf, not both") }
        if let bitrateKbps { check("bitrate", Limits.bitrate(kbps: bitrateKbps)) }
        if let crf { check("crf", Limits.crf(crf)) }
        if let preset, let problem = X264Options.presetProblem(preset) {
            check("preset", problem.message, suggestion: problem.suggestion)
        }
        return problems
    }
}
