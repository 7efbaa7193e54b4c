import Frames
import H264
import RTP

/// The media source of one playback session: the camera's scene drawn at the recorded
/// frames its `PlaybackCursor` names, encoded in the live stream's codec by an encoder of
/// its own (x264, x265 or libjpeg-turbo: the `SceneEncodingSource` the live stream opens).
/// A seek or a jump over a gap starts on an IDR, so the first frame a client decodes is the
/// frame asked for.
public final class PlaybackMediaSource: MediaSource, @unchecked Sendable {
    let pipeline: any SceneEncodingSource
    let cursor: PlaybackCursor
    let cameraName: String
    let seed: UInt64

    public var formatParameters: SourceFormatParameters { pipeline.formatParameters }

    /// Plays the recording through `pipeline`, a fresh encoder of the stream's codec made
    /// for `definition`'s size.
    public init(definition: StreamDefinition, cursor: PlaybackCursor, pipeline: any SceneEncodingSource) {
        self.pipeline = pipeline
        self.cursor = cursor
        cameraName = definition.cameraName
        seed = definition.seed ?? 0
    }

    public func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        guard let frame = cursor.frame(forStreamFrame: request.frame, startsViewer: request.forceIDR) else { return nil }
        let context = cursor.timeline.frameContext(for: frame.slot, cameraName: cameraName, seed: seed)
        pipeline.render(context)
        var timestamp = request.rtpTimestamp &+ frame.timestampOffset
        var forceIDR = request.forceIDR || frame.discontinuity
        if let replay = frame.replay {
            forceIDR = forceIDR || replay.intraOnly
            // Unpaced ONVIF replay: RTP timestamps from the capture instants (90 kHz).
            if !replay.paced {
                let ticks = (frame.slot.instantNanoseconds - cursor.timeline.startNanoseconds) / 1_000 * 9 / 100
                timestamp = rtpBase &+ UInt32(truncatingIfNeeded: ticks)
            }
        }
        let batch = try pipeline.encode(frameIndex: request.frame, forceIDR: forceIDR, timestamp: timestamp, packetizer: &packetizer)
        guard var batch else { return nil }
        // Sender reports map the recorded instant, not the moment of sending, to the RTP
        // timestamp (RFC 3550 §6.4.1), across seeks and gaps alike.
        batch.captureInstantNanoseconds = frame.slot.instantNanoseconds
        guard let replay = frame.replay else { return batch }
        let header = ONVIFReplayExtension(
            captureTime: NTPTimestamp(unixNanoseconds: frame.slot.instantNanoseconds), cleanPoint: batch.containsIDR,
            endOfSection: frame.endOfSection, discontinuity: frame.discontinuity, terminal: frame.terminal,
            cSeq: replay.cSeq)
        var extended = batch.withHeaderExtensionOnFirstPacket(header.headerExtension)
        extended.captureInstantNanoseconds = batch.captureInstantNanoseconds
        return extended
    }

    /// Base of the capture-instant RTP timestamps of unpaced replay.
    private let rtpBase: UInt32 = 0x4F4E_5646

    /// Octets the 0xABAC extension adds to the first packet of an access unit; a playback
    /// stream's packets are cut this much smaller so that packet stays within the MTU.
    public static let replayExtensionOverhead = RTPPacketBatch.headerExtensionOverhead(dataSize: ONVIFReplayExtension.dataSize)

    public func close() { pipeline.close() }
}

extension StreamDefinition {
    /// This stream's source opened as a `SceneEncodingSource` for playback; throws when the
    /// stream's frames do not come from its scene (a proxy camera's stream).
    public func openSceneEncodingSource(_ sized: StreamDefinition) throws -> any SceneEncodingSource {
        // A shared or looped stream plays its recording back through an encoder of its own.
        let source = try (sharing?.openEncoder ?? loop?.openEncoder ?? openMediaSource)(sized)
        guard let encoding = source as? any SceneEncodingSource else {
            source.close()
            throw PlaybackSourceError.notSceneEncoded(camera: cameraName, stream: streamName)
        }
        return encoding
    }
}

/// Why a playback source could not open.
public enum PlaybackSourceError: Error, CustomStringConvertible {
    /// The stream's media source does not draw the scene, so there is nothing to play back.
    case notSceneEncoded(camera: String, stream: String)

    public var description: String {
        switch self {
        case .notSceneEncoded(let camera, let stream):
            "stream \(camera)/\(stream) does not draw its scene, so its recording cannot be played back"
        }
    }
}
