/// The facts about a track's RTP payload format that the packetizer, every viewer's
/// header rewrite and the SDP must agree on, kept in one place: payload type, clock
/// rate, the `m=` media type and the `a=rtpmap` encoding (RFC 4566 §6).
///
/// camsim sends H.264 in a dynamic payload type (RFC 3551 §6: 96-127, bound by the SDP's
/// `a=rtpmap`), with the 90 kHz clock RFC 6184 §8.2.1 requires, in non-interleaved mode
/// (`packetization-mode=1`, RFC 6184 §6.3: single NAL unit, STAP-A and FU-A packets).
/// G.711 uses the static payload types of RFC 3551 §6 (table 4): PCMU 0, PCMA 8, 8 kHz.
public struct RTPPayloadFormat: Hashable, Sendable {
    /// The SDP `m=` media type (RFC 4566 §5.14).
    public enum MediaType: String, Hashable, Sendable {
        case video
        case audio
    }

    /// PT in every RTP header (RFC 3550 §5.1), 7 bits.
    public var payloadType: UInt8
    /// Timestamp units per second (RFC 3550 §5.1).
    public var clockRate: UInt32
    /// The encoding name by which `a=rtpmap` (RFC 4566 §6) names the format: `H264`, `PCMU`.
    public var encodingName: String
    /// RFC 6184 §8.1 `packetization-mode` for H.264 (1: non-interleaved mode); 0 for other formats.
    public var packetizationMode: Int
    /// Video or audio: the SDP `m=` line's media type.
    public var mediaType: MediaType
    /// Audio channels, the `a=rtpmap` encoding parameter (RFC 4566 §6); nil for video.
    public var channels: Int?

    public init(
        payloadType: UInt8, clockRate: UInt32, encodingName: String, packetizationMode: Int = 0,
        mediaType: MediaType = .video, channels: Int? = nil
    ) {
        self.payloadType = payloadType
        self.clockRate = clockRate
        self.encodingName = encodingName
        self.packetizationMode = packetizationMode
        self.mediaType = mediaType
        self.channels = channels
    }

    /// The value of `a=rtpmap` (RFC 4566 §6): `<pt> <encoding>/<clock rate>[/<channels>]`.
    /// RFC 3551 §6 leaves out the channel count of one-channel audio; it is written when above one.
    public var rtpMap: String {
        var value = "\(payloadType) \(encodingName)/\(clockRate)"
        if let channels, channels > 1 { value += "/\(channels)" }
        return value
    }

    /// H.264 as camsim sends it: PT 96, 90 kHz, non-interleaved mode.
    public static let h264 = RTPPayloadFormat(payloadType: 96, clockRate: 90_000, encodingName: "H264", packetizationMode: 1)

    /// G.711 μ-law (RFC 3551 §4.5.14): static PT 0, 8 kHz, one channel.
    public static let pcmu = RTPPayloadFormat(
        payloadType: 0, clockRate: 8000, encodingName: "PCMU", mediaType: .audio, channels: 1)

    /// G.711 A-law (RFC 3551 §4.5.14): static PT 8, 8 kHz, one channel.
    public static let pcma = RTPPayloadFormat(
        payloadType: 8, clockRate: 8000, encodingName: "PCMA", mediaType: .audio, channels: 1)
}
