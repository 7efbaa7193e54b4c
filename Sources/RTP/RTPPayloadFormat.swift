/// The facts about a stream's RTP payload format that the packetizer, every viewer's
/// header rewrite and the SDP must agree on, kept in one place.
///
/// camsim sends H.264 in a dynamic payload type (RFC 3551 §6: 96-127, bound by the SDP's
/// `a=rtpmap`), with the 90 kHz clock RFC 6184 §8.2.1 requires, in non-interleaved mode
/// (`packetization-mode=1`, RFC 6184 §6.3: single NAL unit, STAP-A and FU-A packets).
public struct RTPPayloadFormat: Hashable, Sendable {
    /// PT in every RTP header (RFC 3550 §5.1), 7 bits.
    public var payloadType: UInt8
    /// Timestamp units per second (RFC 3550 §5.1).
    public var clockRate: UInt32
    /// The encoding name by which `a=rtpmap` (RFC 4566 §6) names the format: `H264`.
    public var encodingName: String
    /// RFC 6184 §8.1 `packetization-mode`: 1 is non-interleaved mode.
    public var packetizationMode: Int

    public init(payloadType: UInt8, clockRate: UInt32, encodingName: String, packetizationMode: Int) {
        self.payloadType = payloadType
        self.clockRate = clockRate
        self.encodingName = encodingName
        self.packetizationMode = packetizationMode
    }

    /// H.264 as camsim sends it: PT 96, 90 kHz, non-interleaved mode.
    public static let h264 = RTPPayloadFormat(payloadType: 96, clockRate: 90_000, encodingName: "H264", packetizationMode: 1)
}
