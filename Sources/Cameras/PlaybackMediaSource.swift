import Frames
import H264
import RTP

/// The media source of one playback session: the camera's scene drawn at the recorded
/// frames its `PlaybackCursor` names, encoded by an x264 of its own. A seek or a jump
/// over a gap starts on an IDR, so the first frame a client decodes is the frame asked for.
public final class PlaybackMediaSource: MediaSource, @unchecked Sendable {
    let pipeline: EncodingPipeline
    let cursor: PlaybackCursor
    let cameraName: String
    let seed: UInt64

    public var parameterSets: ParameterSets { pipeline.parameterSets }

    public init(definition: StreamDefinition, cursor: PlaybackCursor) throws {
        pipeline = try EncodingPipeline(definition: definition)
        self.cursor = cursor
        cameraName = definition.cameraName
        seed = definition.seed ?? 0
    }

    public func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout H264Packetizer) throws -> RTPPacketBatch? {
        guard let frame = cursor.frame(forStreamFrame: request.frame, startsViewer: request.forceIDR) else { return nil }
        let context = cursor.timeline.frameContext(for: frame.slot, cameraName: cameraName, seed: seed)
        pipeline.source.render(into: pipeline.encoder.inputPicture, context: context)
        let timestamp = request.rtpTimestamp &+ frame.timestampOffset
        return try pipeline.encoder.encode(
            frameIndex: request.frame, forceIDR: request.forceIDR || frame.discontinuity
        ) { nalUnits, _ in
            packetizer.packetize(nalUnits: nalUnits, timestamp: timestamp)
        }
    }

    public func close() {}
}
