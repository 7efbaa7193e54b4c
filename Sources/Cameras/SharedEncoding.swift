import H264
import RTP

/// How a `mode: shared` stream shares its encoder: what its picture is made of, which
/// must be the same for every camera that shares, and how to open the encoder itself.
public struct SharedEncoding: Sendable {
    /// What the scene is: its name and file, or its inline text.
    public var scene: String
    /// The name drawn where the scene shows `{camera}`: the template's pattern for a
    /// template's cameras. Nil when the scene draws no name.
    public var pictureName: String?
    /// The seed of the picture (noise, `{seed}`): the template's.
    public var pictureSeed: UInt64
    /// The codec and its settings beyond `EncoderSettings` (a JPEG quality).
    public var codec: String
    /// Opens the encoder the sharing cameras use: the stream's unshared source.
    public var openEncoder: @Sendable (_ sized: StreamDefinition) throws -> any MediaSource

    public init(
        scene: String, pictureName: String?, pictureSeed: UInt64, codec: String,
        openEncoder: @escaping @Sendable (_ sized: StreamDefinition) throws -> any MediaSource
    ) {
        self.scene = scene
        self.pictureName = pictureName
        self.pictureSeed = pictureSeed
        self.codec = codec
        self.openEncoder = openEncoder
    }

    /// The key of `sized` (the stream at the picture size it opens at): streams with equal
    /// keys show identical pictures and share one encoder.
    public func key(of sized: StreamDefinition) -> SharedEncodingKey {
        SharedEncodingKey(
            scene: scene, encoder: sized.encoder, format: sized.format, codec: codec,
            pictureName: pictureName, pictureSeed: pictureSeed)
    }
}

/// What makes two streams' pictures identical: scene, size, frame rate, rate control, GOP,
/// profile, preset and tune (`EncoderSettings`), codec, the name drawn and the seed.
public struct SharedEncodingKey: Hashable, Sendable {
    public var scene: String
    public var encoder: EncoderSettings
    public var format: RTPPayloadFormat
    public var codec: String
    public var pictureName: String?
    public var pictureSeed: UInt64
}

extension StreamDefinition {
    /// Shares this stream's encoder with every stream of the same key (`mode: shared`): its
    /// source becomes a `SharedMediaSource` of the process's `SharedEncoders`, and the
    /// source it had opens the shared encoder.
    public mutating func shareEncoder(scene: String, pictureName: String?, pictureSeed: UInt64, codec: String) {
        let sharing = SharedEncoding(
            scene: scene, pictureName: pictureName, pictureSeed: pictureSeed, codec: codec,
            openEncoder: openMediaSource)
        self.sharing = sharing
        openMediaSource = { sized in try SharedMediaSource(definition: sized, sharing: sharing, hubs: .process) }
    }
}

extension StreamDefinition {
    /// The name the stream's picture shows for `{camera}`: a shared stream's picture name.
    public var drawnCameraName: String { sharing?.pictureName ?? cameraName }

    /// The seed the stream's picture is drawn with (noise, `{seed}`): a shared stream's
    /// picture seed, else the camera's `seed`.
    public func drawnSeed(camera seed: UInt64) -> UInt64 { sharing?.pictureSeed ?? seed }
}
