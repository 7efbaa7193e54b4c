import Config
import Frames

/// Finds the scenes of a configuration's cameras for one start-up, reload or check:
/// a named scene is read and parsed once however many cameras show it; an inline
/// scene is parsed from the configuration.
struct SceneResolver {
    let library: SceneLibrary
    private var named: [String: Scene] = [:]

    init(_ library: SceneLibrary) {
        self.library = library
    }

    /// The camera's scene, by name from the library or parsed from the configuration.
    mutating func scene(of camera: CameraConfig) throws -> Scene {
        switch camera.scene {
        case .named(let name):
            if let scene = named[name] { return scene }
            let scene = try library.scene(named: name)
            named[name] = scene
            return scene
        case .inline(let yaml):
            // Cut from the file in place, its problems carry the file's own line numbers.
            return try yaml.textInPlace.map { try Scene.parse(yaml: $0, file: yaml.file) }
                ?? Scene.parse(yaml: yaml.text, file: "\(yaml.file):\(yaml.line)")
        }
    }
}
