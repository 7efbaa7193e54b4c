import PTZ

/// One simulated camera, served at `rtsp://host:port/<path>`.
public struct CameraConfig: Sendable, Equatable, Hashable {
    /// RTSP path without a leading slash, e.g. `lobby-01` or `site-a/door`.
    public var path: String
    /// What the camera shows.
    public var scene: SceneReference
    /// Encoded streams; the first is the main stream. Never empty, names unique.
    public var streams: [StreamConfig]
    /// Encode only while someone is watching.
    public var onDemand: Bool
    /// Seconds the encoder keeps running after the last viewer leaves; 0 stops at once.
    public var idleStopSeconds: Double
    /// Faults applied to the camera, in order.
    public var faults: [FaultReference]
    /// Seed for everything random in the camera; nil picks one at start.
    public var seed: UInt64?
    /// The camera's `auth:`; nil takes `server.auth`.
    public var auth: CameraAuth?
    /// The camera's synthetic archive, served at `<path>/playback`; nil: live only.
    public var recording: RecordingConfig?
    /// The `recording:` mapping as written; hot reload compares this, not the instants it
    /// resolved to, so a reload leaves a recording given as `-24h` where it was.
    public var recordingText: String?
    /// The upstream a proxy camera relays; nil for a simulated camera. A proxy camera's
    /// `scene` and `streams` are unused: its one stream is the upstream's.
    public var source: ProxySource?
    /// The camera's audio track, sent beside the video of each stream; nil: no audio.
    public var audio: AudioConfig?
    /// The camera's ONVIF audio backchannel; nil: none.
    public var backchannel: BackchannelConfig?
    /// The template the camera was made by; nil for a camera given on its own. A written-back
    /// configuration spells every camera out, without it.
    public var template: CameraTemplate?
    /// What the camera says of itself as an ONVIF device; defaults when not given.
    public var onvif: ONVIFConfig
    /// What raises the camera's ONVIF events besides its scene and faults (`events:`).
    public var events: CameraEventsConfig
    /// The camera's virtual PTZ head; nil: none (no PTZ service).
    public var ptz: PTZSettings?

    public init(
        path: String,
        scene: SceneReference = .default,
        streams: [StreamConfig] = [StreamConfig()],
        onDemand: Bool = true,
        idleStopSeconds: Double = 5,
        faults: [FaultReference] = [],
        seed: UInt64? = nil,
        auth: CameraAuth? = nil,
        recording: RecordingConfig? = nil,
        recordingText: String? = nil,
        source: ProxySource? = nil,
        audio: AudioConfig? = nil,
        backchannel: BackchannelConfig? = nil,
        onvif: ONVIFConfig = ONVIFConfig(),
        events: CameraEventsConfig = CameraEventsConfig(),
        ptz: PTZSettings? = nil
    ) {
        self.path = path
        self.scene = scene
        self.streams = streams
        self.onDemand = onDemand
        self.idleStopSeconds = idleStopSeconds
        self.faults = faults
        self.seed = seed
        self.auth = auth
        self.recording = recording
        self.recordingText = recordingText
        self.source = source
        self.audio = audio
        self.backchannel = backchannel
        self.onvif = onvif
        self.events = events
        self.ptz = ptz
    }

    /// The same camera with inline YAML stripped of file positions, for comparing content.
    var positionless: CameraConfig {
        var copy = self
        copy.scene = scene.positionless
        copy.faults = faults.map(\.positionless)
        if recordingText != nil { copy.recording = nil }
        return copy
    }
}
