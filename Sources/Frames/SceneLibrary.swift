import Foundation

/// The scenes in a patterns directory (`*.yaml`), looked up by name or by path.
public struct SceneLibrary: Sendable {
    /// The directory searched for `NAME.yaml`, or nil to use only paths and the built-in default.
    public let directory: URL?

    public init(directory: URL?) {
        self.directory = directory
    }

    /// Environment variable naming the patterns directory.
    public static let environmentVariable = "CAMSIM_PATTERNS"

    /// The patterns directory: `$CAMSIM_PATTERNS` if set, else `./Patterns` if it exists,
    /// else the first `Patterns/` or `share/camsim/Patterns/` found walking up from the
    /// running executable's directory (so a build in `.build/release/` finds the
    /// repository's patterns, and `PREFIX/bin/camsim` those `make install` put in
    /// `PREFIX/share/camsim/`).
    public static func locateDefaultDirectory() -> URL? {
        locateDirectory(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ""))
    }

    /// The search behind `locateDefaultDirectory`, with its inputs made explicit.
    static func locateDirectory(environment: [String: String], currentDirectory: URL, executable: URL) -> URL? {
        let fm = FileManager.default
        func isDirectory(_ url: URL) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
        }
        if let env = environment[environmentVariable], !env.isEmpty {
            let url = URL(fileURLWithPath: env, isDirectory: true)
            return isDirectory(url) ? url.standardizedFileURL : nil
        }
        let local = currentDirectory.appendingPathComponent("Patterns", isDirectory: true)
        if isDirectory(local) { return local.standardizedFileURL }
        var dir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<12 {
            for relative in ["Patterns", "share/camsim/Patterns"] {
                let candidate = dir.appendingPathComponent(relative, isDirectory: true)
                if isDirectory(candidate) { return candidate.standardizedFileURL }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return nil
    }

    /// A scene by name (the file stem of `NAME.yaml` in the directory) or by file path
    /// (anything containing `/` or ending in `.yaml`/`.yml`). The default scene's name,
    /// `smpte-clock`, falls back to `Scene.builtInDefault` when no file provides it.
    public func scene(named nameOrPath: String) throws(SceneError) -> Scene {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try Scene.load(from: URL(fileURLWithPath: nameOrPath))
        }
        if let directory {
            let url = directory.appendingPathComponent(nameOrPath + ".yaml")
            if FileManager.default.fileExists(atPath: url.path) { return try Scene.load(from: url) }
        }
        if nameOrPath == Scene.defaultSceneName { return Scene.builtInDefault }
        let known = sceneNames()
        throw SceneError(
            file: nameOrPath, line: nil, field: "",
            message: "no such scene" + (directory.map { " in \($0.path)" } ?? "")
                + (known.isEmpty ? "" : "; available: " + known.joined(separator: ", ")))
    }

    /// The names of the scenes in the directory, sorted (always includes the default).
    public func sceneNames() -> [String] {
        var names: Set<String> = [Scene.defaultSceneName]
        if let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for f in files where f.hasSuffix(".yaml") { names.insert(String(f.dropLast(5))) }
        }
        return names.sorted()
    }
}
