import Frames
import H264
import RTP

/// The synthetic media source: render the scene into the encoder's picture, encode with
/// x264, packetize. Exactly one request of a stream runs at a time, so the encoder,
/// renderer and packetizer are never touched concurrently.
public final class EncodingPipeline: MediaSource, @unchecked Sendable {
    public let encoder: H264Encoder
    public let source: any FrameSource
    public let formatParameters: SourceFormatParameters

    public init(definition: StreamDefinition) throws {
        encoder = try H264Encoder(settings: definition.encoder)
        source = try definition.makeSource(definition.encoder.width, definition.encoder.height)
        formatParameters = SourceFormatParameters(parameterSets: try encoder.parameterSets())
    }

    /// Renders, encodes and packetizes one frame. Returns nil when x264 produced nothing.
    public func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        // Without a redraw the encoder sees the previous picture again (a frozen picture).
        if request.redraw { source.render(into: encoder.inputPicture, context: request.context) }
        return try encoder.encode(frameIndex: request.frame, forceIDR: request.forceIDR) { nalUnits, _ in
            packetizer.packetize(units: nalUnits, timestamp: request.rtpTimestamp)
        }
    }

    /// Nothing to do: x264 and the renderer are freed with the last reference to the pipeline.
    public func close() {}
}
