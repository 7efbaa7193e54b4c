import Cameras
import Config
import Frames

extension StreamDefinition {
    /// Makes a configured `mode: loop` stream a loop of `stream.loopSeconds`, keyed by the
    /// scene's file and name, the codec (and a JPEG stream's quality) and, when the scene
    /// draws the camera's name, the name with its numbers as `#` (`LoopSettings.cameraText`);
    /// the seed counts only when the scene draws with it.
    mutating func playAsLoop(_ stream: StreamConfig, scene: Scene, cameraName: String) {
        let codec = stream.codec == .jpeg ? "jpeg q\(stream.jpegQuality)" : stream.codec.rawValue
        playAsLoop(
            seconds: stream.loopSeconds, scene: "\(scene.file)#\(scene.name)", codec: codec,
            cameraText: scene.drawsCameraName ? LoopSettings.cameraText(for: cameraName) : nil,
            drawsWithSeed: scene.drawsWithSeed)
    }
}
