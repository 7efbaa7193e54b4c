import Config
import Frames
import Server

extension CamsimServer {
    /// Every scene and fault problem of a configuration that loaded, each naming its place.
    public static func problems(in config: CamsimConfig, scenes: SceneLibrary) -> [String] {
        let (faults, catalogProblems) = ConfiguredFaults.reading(config)
        var problems = catalogProblems.map(\.description)
        do {
            _ = try MulticastAllocation(config)
        } catch {
            problems += error.problems.map(\.description)
        }
        do {
            _ = try RTSPSSettings(config.server.tls)
        } catch {
            problems.append(error.description)
        }
        var resolver = SceneResolver(scenes)
        for camera in config.cameras {
            // The scene and the faults separately, so one camera can report both.
            do {
                _ = try resolver.scene(of: camera)
            } catch let error as SceneError {
                problems += error.all.map { "camera '\(camera.path)': \($0)" }
            } catch {
                problems.append("camera '\(camera.path)': \(error)")
            }
            do {
                _ = try faults.profile(for: camera)
            } catch {
                problems.append("camera '\(camera.path)': \(error)")
            }
        }
        return problems
    }
}
