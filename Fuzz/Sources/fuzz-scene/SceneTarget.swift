import Frames
import FuzzSupport

/// Scene files: a scene either loads or names its problem, and one that loads builds its
/// layers and draws a frame into a small picture without touching memory outside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScene(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let scene: Scene
    do {
        scene = try Scene.parse(yaml: text, file: "fuzz.yaml")
    } catch {
        invariant(error.file == "fuzz.yaml" && !error.message.isEmpty, "a problem without a place or message")
        return 0
    }
    guard let renderer = try? scene.makeSceneRenderer(width: SceneCheck.width, height: SceneCheck.height) else {
        return 0
    }
    let picture = PictureBuffer(width: SceneCheck.width, height: SceneCheck.height)
    for frame in 0..<2 {
        let context = FrameContext(
            frameIndex: Int64(frame), mediaTime: Double(frame) / 30, wallClockNanos: 1_700_000_000_000_000_000,
            cameraName: "fuzz", seed: 1)
        renderer.render(into: picture.view, context: context)
    }
    return 0
}

/// The picture size scenes are drawn at: small, so drawing stays cheap.
enum SceneCheck {
    static let width = 32
    static let height = 24
}
