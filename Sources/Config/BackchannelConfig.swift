/// A camera's ONVIF audio backchannel (`backchannel:`): the `a=sendonly` audio track a
/// client asks for with `Require: www.onvif.org/ver20/backchannel` and then sends to.
public struct BackchannelConfig: Sendable, Equatable, Hashable {
    /// The G.711 law the camera accepts (RFC 3551 §4.5.14): static payload type 0 or 8.
    public enum Codec: String, Sendable, CaseIterable {
        case pcmu, pcma

        /// The static RTP payload type (RFC 3551 §6, table 4).
        public var payloadType: UInt8 { self == .pcmu ? 0 : 8 }
        /// The rtpmap encoding name.
        public var encodingName: String { self == .pcmu ? "PCMU" : "PCMA" }
    }

    public static let keys = ["codec", "record"]

    public var codec: Codec
    /// A directory to write each session's received audio to, as `<camera>-<session>.wav`;
    /// nil counts the audio without keeping it.
    public var recordDirectory: String?

    public init(codec: Codec = .pcmu, recordDirectory: String? = nil) {
        self.codec = codec
        self.recordDirectory = recordDirectory
    }
}
