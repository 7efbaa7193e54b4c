import Cameras
import NIOCore
import NIOPosix
import RTP

/// One playback session's media: a `CameraStream` of its own, whose source draws the
/// camera's scene at the recorded frames its cursor names and encodes them in the live
/// stream's codec (H.264, H.265 or JPEG) with an encoder of its own, in a lane of its own
/// on the encode workers. Live viewers never share it.
final class PlaybackStream: Sendable {
    let stream: CameraStream
    let cursor: PlaybackCursor
    /// The live stream it plays the recording of.
    let live: CameraStream
    let archive: RecordingArchive

    init(live: CameraStream, archive: RecordingArchive, eventLoop: any EventLoop, encodePool: any EncodeExecutor,
         clock: any MonotonicClock, wallClock: @escaping @Sendable () -> Int64) {
        self.live = live
        self.archive = archive
        var definition = live.definition
        let cursor = PlaybackCursor(
            timeline: archive.timeline(frameRate: definition.encoder.frameRate), loops: archive.loops, now: wallClock)
        self.cursor = cursor
        definition.alwaysOn = false
        definition.maxPacketSize -= PlaybackMediaSource.replayExtensionOverhead
        // The live codec's source, format and packetizer: DESCRIBE announces what is sent.
        let liveDefinition = definition
        definition.openMediaSource = { sized in
            try PlaybackMediaSource(definition: sized, cursor: cursor, pipeline: liveDefinition.openSceneEncodingSource(sized))
        }
        // A recording is played as video only.
        definition.audio = nil
        stream = CameraStream(definition: definition, eventLoop: eventLoop, encodePool: encodePool, clock: clock)
    }

    var timeline: RecordingTimeline { cursor.timeline }
}
