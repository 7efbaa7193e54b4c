import Frames
import H264
import RTP

/// The per-stream work done for each frame: render into the encoder's picture,
/// encode, packetize. Exactly one encode job of a stream runs at a time, so the
/// encoder, source and packetizer are never touched concurrently.
public final class EncodingPipeline: @unchecked Sendable {
    public let encoder: H264Encoder
    public let source: any FrameSource
    public let parameterSets: ParameterSets

    public init(definition: StreamDefinition) throws {
        encoder = try H264Encoder(settings: definition.encoder)
        source = try definition.makeSource(definition.encoder.width, definition.encoder.height)
        parameterSets = try encoder.parameterSets()
    }

    /// Renders, encodes and packetizes frame `index`. Returns nil when x264 produced nothing.
    public func makeAccessUnit(
        frame index: Int64,
        context: FrameContext,
        forceIDR: Bool,
        timestamp: UInt32,
        packetizer: inout H264Packetizer,
        redraw: Bool = true
    ) throws -> RTPPacketBatch? {
        // Without a redraw the encoder sees the previous picture again (a frozen picture).
        if redraw { source.render(into: encoder.inputPicture, context: context) }
        return try encoder.encode(frameIndex: index, forceIDR: forceIDR) { nalUnits, _ in
            packetizer.packetize(nalUnits: nalUnits, timestamp: timestamp)
        }
    }
}
