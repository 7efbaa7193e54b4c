import H264

/// What makes two loops the same: streams with equal keys replay one loop, encoded once
/// per process (`LoopLibrary`).
public struct LoopKey: Hashable, Sendable {
    /// The scene's identity (`LoopSettings.scene`).
    public var scene: String
    /// The codec and its own settings (`LoopSettings.codec`).
    public var codec: String
    /// Size, frame rate, rate control, GOP (as the loop uses it), profile, preset and tune.
    public var encoder: EncoderSettings
    /// The seed the pictures are drawn with (noise, `{seed}`); 0 for a camera without one.
    public var seed: UInt64
    /// The camera text the pictures show; nil when the scene draws none.
    public var cameraText: String?
    /// Frames in the loop.
    public var frameCount: Int

    public init(scene: String, codec: String, encoder: EncoderSettings, seed: UInt64, cameraText: String?, frameCount: Int) {
        self.scene = scene
        self.codec = codec
        self.encoder = encoder
        self.seed = seed
        self.cameraText = cameraText
        self.frameCount = frameCount
    }
}
