import Cameras
import Config
import Frames
import H264
import PTZ
import RTSP
import Server

extension CameraDefinition {
    /// A configured camera: its scene and faults resolved and one stream definition per
    /// stream, each cutting RTP packets of at most `maxPacketSize` bytes and carrying the
    /// camera's audio track when it has one, and the multicast groups `multicast` gives its streams.
    init(
        _ camera: CameraConfig, scene: Scene, maxPacketSize: Int, faults: ConfiguredFaults,
        multicast: [String: MulticastTransport] = [:]
    ) throws {
        let name = camera.path.split(separator: "/").last.map(String.init) ?? camera.path
        let configured = camera.source == nil ? camera.streams : [StreamConfig()]
        let flashes = scene.overlays.contains { $0.type == .flash }
        let audio = camera.audio.map { AudioTrackDefinition($0, sceneFlashes: flashes, maxPacketSize: maxPacketSize) }
        let head = camera.source == nil ? camera.ptz.map(PTZHead.init(settings:)) : nil
        let streams = configured.map { stream in
            var definition = StreamDefinition(
                cameraName: name,
                streamName: stream.name,
                encoder: EncoderSettings(stream),
                maxPacketSize: maxPacketSize,
                idleStopDelayNanoseconds: Int64(camera.idleStopSeconds * 1e9),
                alwaysOn: !camera.onDemand,
                seed: camera.seed,
                makeSource: { width, height in try scene.makeRenderer(width: width, height: height) }
            )
            if let source = camera.source {
                definition.proxy = ProxySettings(source)
                definition.makeSource = { _, _ in throw ProxyHasNoPicture() }
            } else {
                definition.audio = audio
                if let head, stream.mode == .live { definition.makeSource = PTZFrameSource.maker(scene: scene, head: head) }
                if stream.codec == .h265 { definition.encodeAsH265() }
                if stream.codec == .jpeg { definition.useJPEG(quality: stream.jpegQuality) }
                if stream.mode == .shared { definition.shareEncoder(of: camera, stream: stream, scene: scene) }
                if stream.mode == .loop { definition.playAsLoop(stream, scene: scene, cameraName: name) }
            }
            return definition
        }
        self.init(
            path: camera.path, streams: streams, faults: try faults.profile(for: camera), multicast: multicast,
            authentication: CameraAuthentication(camera.auth))
        recording = camera.recording.map(RecordingArchive.init)
        backchannel = camera.backchannel.map(CameraBackchannel.init)
        ptz = head
    }
}
