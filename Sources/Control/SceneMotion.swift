import Frames

/// Whether a scene's moving objects (the `motion` scene's bouncing box and ball) are in the
/// picture at a frame: each object's square at frame n, from the same pure function the
/// scene draws it with (``BouncingShape/position(frameIndex:)``), against the picture.
/// `@unchecked`: a ``BouncingShape`` has only `let` properties, so sharing it is safe.
struct SceneMotion: @unchecked Sendable {
    let objects: [BouncingShape]
    let width: Int
    let height: Int

    /// Nil for a scene with no moving object.
    init?(scene: Scene, width: Int, height: Int) {
        guard let renderer = try? scene.makeSceneRenderer(width: width, height: height) else { return nil }
        let objects = renderer.layers.compactMap { $0 as? BouncingShape }
        guard !objects.isEmpty else { return nil }
        self.objects = objects
        self.width = width
        self.height = height
    }

    /// Whether any object overlaps the picture at frame `frameIndex`.
    func isMotion(frameIndex: Int64) -> Bool {
        objects.contains { object in
            let (x, y) = object.position(frameIndex: frameIndex)
            return x < width && y < height && x + object.size > 0 && y + object.size > 0
        }
    }
}
