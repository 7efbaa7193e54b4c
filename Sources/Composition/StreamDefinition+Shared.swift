import Cameras
import Config
import Frames

extension StreamDefinition {
    /// `mode: shared`: the stream shares one encoder with every stream whose picture is the
    /// same. The picture is drawn with the template's seed and, where the scene shows
    /// `{camera}`, the template's name (`cam-{n:02}`), or the camera's own for a camera
    /// given alone, so a template's cameras show one picture.
    mutating func shareEncoder(of camera: CameraConfig, stream: StreamConfig, scene: Scene) {
        let sceneIdentity: String
        switch camera.scene {
        case .named(let name): sceneIdentity = "named \(name) from \(scene.file)"
        case .inline(let yaml): sceneIdentity = "inline \(yaml.text)"
        }
        let codec = stream.codec == .jpeg ? "jpeg quality \(stream.jpegQuality)" : stream.codec.rawValue
        shareEncoder(
            scene: sceneIdentity,
            pictureName: scene.drawsCameraName ? camera.template?.name ?? cameraName : nil,
            pictureSeed: camera.templateSeed ?? 0,
            codec: codec)
    }
}
