import RTSP

/// A camera's ONVIF audio backchannel as the server offers it (ONVIF Streaming
/// Specification §5.3): the `a=sendonly` G.711 section a DESCRIBE with `Require:
/// www.onvif.org/ver20/backchannel` adds, and where the audio received on it is kept.
public struct CameraBackchannel: Sendable, Hashable {
    /// The option tag a client sends in `Require` to ask for the backchannel (§5.3.1).
    public static let optionTag = "www.onvif.org/ver20/backchannel"
    /// Most bytes of audio kept per session: about 35 minutes of 8 kHz G.711.
    public static let maximumRecordingBytes = 16 << 20

    /// The G.711 law: μ-law (static payload type 0) or A-law (8) (RFC 3551 §4.5.14).
    public enum Law: Sendable, Hashable {
        case muLaw, aLaw
    }

    public var law: Law
    /// A directory for `<camera>-<session>.wav` per session; nil counts without keeping.
    public var recordDirectory: String?

    public init(law: Law, recordDirectory: String? = nil) {
        self.law = law
        self.recordDirectory = recordDirectory
    }

    public var payloadType: UInt8 { law == .muLaw ? 0 : 8 }
    public var encodingName: String { law == .muLaw ? "PCMU" : "PCMA" }
    public var clockRate: Int { 8000 }

    /// The section DESCRIBE appends: `m=audio 0 RTP/AVP <pt>`, its rtpmap, `a=sendonly` and
    /// its own control.
    public func mediaDescription(control: String) -> MediaDescription {
        MediaDescription(
            type: "audio", payloadTypes: [payloadType],
            rtpMaps: [payloadType: SDPRTPMap(encodingName: encodingName, clockRate: clockRate)],
            control: control, direction: .sendonly)
    }
}
