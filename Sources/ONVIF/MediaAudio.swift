/// A camera's audio as the media services show it: the track it sends beside the video
/// (one audio source and its encoder, in every profile) and the backchannel it accepts
/// (one audio output). Empty for a camera with neither.
public struct MediaAudio: Sendable, Equatable {
    /// The audio track's coding.
    public enum Encoding: Sendable, Equatable {
        /// G.711 μ-law (`pcmu`) or A-law (`pcma`), RFC 3551 §4.5.14.
        case g711(aLaw: Bool)
        /// AAC-LC in RTP per RFC 3640.
        case aac

        /// ver10's `tt:AudioEncoding` (onvif.xsd: `G711`, `G726`, `AAC`).
        public var ver10Name: String {
            switch self {
            case .g711: "G711"
            case .aac: "AAC"
            }
        }

        /// Media2's name, the RTP encoding name (ONVIF Media2 Service Specification,
        /// "Audio encoder configuration": `PCMU`, `mpeg4-generic` for RFC 3640's AAC).
        public var media2Name: String {
            switch self {
            case .g711(let aLaw): aLaw ? "PCMA" : "PCMU"
            case .aac: "mpeg4-generic"
            }
        }
    }

    /// The track the camera sends.
    public struct Track: Sendable, Equatable {
        public var encoding: Encoding
        /// Samples per second.
        public var sampleRate: Int
        public var channels: Int
        /// kbit/s.
        public var bitrate: Int

        public init(encoding: Encoding, sampleRate: Int, channels: Int, bitrate: Int) {
            self.encoding = encoding
            self.sampleRate = sampleRate
            self.channels = channels
            self.bitrate = bitrate
        }
    }

    /// The audio track, nil when the camera sends none.
    public var track: Track?
    /// The backchannel's G.711 law (true for A-law), nil when the camera has no backchannel.
    public var backchannelALaw: Bool?

    public init(track: Track? = nil, backchannelALaw: Bool? = nil) {
        self.track = track
        self.backchannelALaw = backchannelALaw
    }

    /// Whether the camera has a backchannel.
    public var hasOutput: Bool { backchannelALaw != nil }

    /// The camera's one audio source.
    public static let sourceToken = "AudioSource_1"
    /// Its audio source configuration, shared by every profile.
    public static let sourceConfigurationToken = "AudioSourceConfig_1"
    /// Its audio encoder configuration, shared by every profile (one track for all streams).
    public static let encoderConfigurationToken = "AudioEncoder_1"
    /// The backchannel's audio output.
    public static let outputToken = "AudioOutput_1"
    /// Its audio output configuration.
    public static let outputConfigurationToken = "AudioOutputConfig_1"
    /// Its audio decoder configuration (what the camera decodes from the backchannel).
    public static let decoderConfigurationToken = "AudioDecoder_1"
}
