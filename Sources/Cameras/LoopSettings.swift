/// What makes a stream a loop (`mode: loop`): its length, and what the stream's loop key
/// needs that the encoder settings do not say. Set by `StreamDefinition.playAsLoop`.
public struct LoopSettings: Sendable {
    /// The loop's length in seconds, before it is rounded up to whole GOPs.
    public var seconds: Double
    /// Names the scene the loop draws (its file and name): loops of different scenes differ.
    public var scene: String
    /// The codec and its own settings (`h264`, `jpeg q80`).
    public var codec: String
    /// The camera text the loop's pictures show, nil when the scene draws no camera name.
    public var cameraText: String?
    /// Whether the scene draws with the camera's seed (noise, `{seed}`); when it does not,
    /// cameras of different seeds share a loop.
    public var drawsWithSeed: Bool
    /// Opens the scene encoder the loop is recorded with (the codec's `openMediaSource`).
    public var openEncoder: @Sendable (_ sized: StreamDefinition) throws -> any MediaSource
    /// Where the stream's loop is kept and shared.
    public var library: LoopLibrary

    public init(
        seconds: Double, scene: String, codec: String, cameraText: String?, drawsWithSeed: Bool = true,
        openEncoder: @escaping @Sendable (_ sized: StreamDefinition) throws -> any MediaSource,
        library: LoopLibrary = .shared
    ) {
        self.seconds = seconds
        self.scene = scene
        self.codec = codec
        self.cameraText = cameraText
        self.drawsWithSeed = drawsWithSeed
        self.openEncoder = openEncoder
        self.library = library
    }

    /// The text a loop shows for a camera named `cameraName`: the name with each run of
    /// digits replaced by `#`, so the cameras of one template (`cam-001`, `cam-002`) draw
    /// the same picture and share one loop.
    public static func cameraText(for cameraName: String) -> String {
        var text = ""
        var inDigits = false
        for character in cameraName {
            if character.isASCII, character.isNumber {
                if !inDigits { text.append("#") }
                inDigits = true
            } else {
                text.append(character)
                inDigits = false
            }
        }
        return text
    }
}
