import Foundation

/// A parsed, validated scene: a background layer and overlays drawn on top in order.
/// Build a renderer for a frame size with `makeRenderer(width:height:)`.
public struct Scene: Sendable {
    /// The scene's name: its `name:` field, or the file's stem.
    public let name: String
    /// The `description:` field, if any.
    public let summary: String?
    /// Where the scene came from, used in error messages.
    public let file: String
    /// The directory of the scene file, searched first for `fonts/`.
    public let directory: URL?
    public let background: LayerSpec
    public let overlays: [LayerSpec]

    /// Parses scene YAML. `file` names the source in errors; its stem is the default name.
    public static func parse(yaml: String, file: String) throws(SceneError) -> Scene {
        try parse(yaml: yaml, file: file, directory: nil)
    }

    static func parse(yaml: String, file: String, directory: URL?) throws(SceneError) -> Scene {
        let parsed = try SceneParser(file: file).parse(yaml: yaml)
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return Scene(
            name: parsed.name ?? stem, summary: parsed.description, file: file, directory: directory,
            background: parsed.background, overlays: parsed.overlays)
    }

    /// Reads and parses a scene file.
    public static func load(from url: URL) throws(SceneError) -> Scene {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SceneError(file: url.path, line: nil, field: "", message: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: url.path, directory: url.deletingLastPathComponent())
    }

    /// Builds the layers for a frame size. Fails when a font cannot be found or opened,
    /// or when a region falls outside the frame.
    public func makeRenderer(width: Int, height: Int) throws(SceneError) -> any FrameSource {
        try makeSceneRenderer(width: width, height: height)
    }

    /// Same as `makeRenderer`, with the concrete type (for tests and tools).
    public func makeSceneRenderer(width: Int, height: Int) throws(SceneError) -> SceneRenderer {
        guard width > 0, height > 0, width % 2 == 0, height % 2 == 0 else {
            throw SceneError(file: file, line: nil, field: "", message: "frame size \(width)x\(height) must be even and non-zero")
        }
        let builder = LayerBuilder(scene: self, width: width, height: height)
        var layers = try builder.build(background, isBackground: true)
        for overlay in overlays { layers += try builder.build(overlay, isBackground: false) }
        return SceneRenderer(width: width, height: height, layers: layers)
    }
}
