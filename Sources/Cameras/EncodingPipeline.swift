import Frames
import H264
import RTP

/// The synthetic media source: render the scene into the encoder's picture, encode with
/// x264, packetize. Exactly one request of a stream runs at a time, so the encoder,
/// renderer and packetizer are never touched concurrently.
public final class EncodingPipeline: SceneEncodingSource, @unchecked Sendable {
    public let encoder: H264Encoder
    public let source: any FrameSource
    public let formatParameters: SourceFormatParameters

    public init(definition: StreamDefinition) throws {
        encoder = try H264Encoder(settings: definition.encoder)
        source = try definition.makeSource(definition.encoder.width, definition.encoder.height)
        formatParameters = SourceFormatParameters(parameterSets: try encoder.parameterSets())
    }

    /// Draws the scene into x264's input picture.
    public func render(_ context: FrameContext) {
        source.render(into: encoder.inputPicture, context: context)
    }

    /// Encodes x264's input picture and packetizes it. Nil when x264 produced nothing.
    public func encode(frameIndex: Int64, forceIDR: Bool, timestamp: UInt32, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        try encoder.encode(frameIndex: frameIndex, forceIDR: forceIDR) { nalUnits, _ in
            packetizer.packetize(units: nalUnits, timestamp: timestamp)
        }
    }

    /// Nothing to do: x264 and the renderer are freed with the last reference to the pipeline.
    public func close() {}
}
