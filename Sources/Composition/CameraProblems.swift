import Config
import Frames
import Server

extension CamsimServer {
    /// What stops `camera` from running beside `config`'s fault profiles: its scene
    /// (file, syntax) and its faults, each with the camera key it concerns (`scene`,
    /// `faults`). Empty when it can be added.
    public static func problems(
        of camera: CameraConfig, with config: CamsimConfig, scenes: SceneLibrary
    ) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        var resolver = SceneResolver(scenes)
        do {
            _ = try resolver.scene(of: camera)
        } catch let error as SceneError {
            problems += error.all.map { ("scene", "\($0)") }
        } catch {
            problems.append(("scene", "\(error)"))
        }
        let (faults, _) = ConfiguredFaults.reading(config)
        do {
            _ = try faults.profile(for: camera)
        } catch {
            problems += error.problems.map { ("faults", $0.description) }
        }
        return problems
    }
}
