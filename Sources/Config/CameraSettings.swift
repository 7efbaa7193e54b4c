import PTZ
import Spelling

/// The settings a camera entry or the `defaults:` section may give, each optional.
///
/// A camera takes each setting from its own entry, else from `defaults:`,
/// else from the built-in default. Settings replace whole values: a camera's
/// `streams:` replaces the default list rather than merging with it.
struct CameraSettings {
    var scene: SceneReference?
    var streams: [StreamConfig]?
    var onDemand: Bool?
    var idleStopSeconds: Double?
    var faults: [FaultReference]?
    var seed: UInt64?
    var auth: CameraAuth?
    var recording: RecordingConfig?
    /// The `recording:` mapping as written, for comparing configurations: `-24h` resolves
    /// to another instant at each load, but is the same setting.
    var recordingText: String?
    var audio: AudioConfig?
    var backchannel: BackchannelConfig?
    var onvif: ONVIFConfig?
    var events: CameraEventsConfig?
    var ptz: PTZSettings?

    static let keys = ["scene", "streams", "on_demand", "idle_stop", "faults", "seed", "auth", "recording", "audio", "backchannel", "onvif", "events", "ptz"]

    init() {}

    /// Reads the settings keys of `map`; named faults must be in `faultNames`.
    init(map: YAMLMapping, faultNames: Set<String>) {
        if let field = map["scene"] { scene = SceneReference(field: field) }
        if let field = map["streams"] { streams = StreamConfig.list(field: field) }
        if let field = map["on_demand"] { onDemand = field.bool() }
        if let field = map["idle_stop"], let value = field.double() {
            if let message = Limits.idleStop(value) { field.fail(message) } else { idleStopSeconds = value }
        }
        if let field = map["faults"], let entries = FaultReference.list(field: field) {
            for (reference, field) in entries {
                guard case .named(let name) = reference, !faultNames.contains(name) else { continue }
                field.fail(
                    "fault profile '\(name)' is not defined under 'faults:' or built in",
                    suggestion: Spelling.didYouMean(name, in: faultNames.sorted())
                )
            }
            faults = entries.map(\.reference)
        }
        if let field = map["seed"] { seed = field.uint64() }
        if let field = map["auth"] { auth = CameraAuth(field: field) }
        if let field = map["recording"] {
            recording = RecordingConfig.decode(field, now: RecordingConfig.currentUnixNanoseconds())
            recordingText = InlineYAML(field: field)?.text
        }
        if let field = map["audio"] { audio = AudioConfig.decode(field) }
        if let field = map["backchannel"] { backchannel = BackchannelConfig.decode(field) }
        if let field = map["onvif"] { onvif = ONVIFConfig.decode(field) }
        if let field = map["events"] { events = CameraEventsConfig.decode(field) }
        if map.hasNull("ptz") { ptz = PTZSettings() } else if let field = map["ptz"] { ptz = PTZSettings.decode(field) }
    }

    /// These settings, with gaps filled from `defaults`.
    func over(_ defaults: CameraSettings) -> CameraSettings {
        var merged = CameraSettings()
        merged.scene = scene ?? defaults.scene
        merged.streams = streams ?? defaults.streams
        merged.onDemand = onDemand ?? defaults.onDemand
        merged.idleStopSeconds = idleStopSeconds ?? defaults.idleStopSeconds
        merged.faults = faults ?? defaults.faults
        merged.seed = seed ?? defaults.seed
        merged.auth = auth ?? defaults.auth
        merged.recording = recording ?? defaults.recording
        merged.recordingText = recording != nil ? recordingText : defaults.recordingText
        merged.audio = audio ?? defaults.audio
        merged.backchannel = backchannel ?? defaults.backchannel
        merged.onvif = onvif ?? defaults.onvif
        merged.events = events ?? defaults.events
        merged.ptz = ptz ?? defaults.ptz
        return merged
    }

    /// A camera at `path` with these settings and built-in defaults for the rest.
    func camera(path: String, seedOffset: UInt64 = 0) -> CameraConfig {
        CameraConfig(
            path: path,
            scene: scene ?? .default,
            streams: streams ?? [StreamConfig()],
            onDemand: onDemand ?? true,
            idleStopSeconds: idleStopSeconds ?? 5,
            faults: faults ?? [],
            seed: seed.map { $0 &+ seedOffset },
            auth: auth,
            recording: recording,
            recordingText: recordingText,
            audio: audio,
            backchannel: backchannel,
            onvif: onvif ?? ONVIFConfig(),
            events: events ?? CameraEventsConfig(),
            ptz: ptz
        )
    }
}
