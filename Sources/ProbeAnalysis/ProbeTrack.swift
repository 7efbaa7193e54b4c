/// One media track as the probe sees it in the session description: what `m=`, `a=rtpmap`
/// and `a=fmtp` say (RFC 4566 §5.14, §6; RFC 6184 §8.1 for H.264). Built from the parsed
/// SDP by the caller, so the analysis depends on no particular SDP model.
public struct ProbeTrack: Hashable, Sendable {
    /// "video", "audio", "application", …
    public var mediaType: String
    public var payloadType: UInt8
    /// The rtpmap encoding name as written ("H264", "PCMU", …); nil without an rtpmap.
    public var encodingName: String?
    /// RTP clock rate in Hz; 90 kHz when the SDP gives none for video.
    public var clockRate: UInt32
    /// The fmtp parameters for the payload type, unparsed; nil when absent.
    public var formatParameters: String?
    /// `a=control`, as written.
    public var control: String?
    /// `a=framerate`, if any.
    public var advertisedFrameRate: Double?

    public init(
        mediaType: String, payloadType: UInt8, encodingName: String?, clockRate: UInt32 = 90_000,
        formatParameters: String? = nil, control: String? = nil, advertisedFrameRate: Double? = nil
    ) {
        self.mediaType = mediaType
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.formatParameters = formatParameters
        self.control = control
        self.advertisedFrameRate = advertisedFrameRate
    }

    /// True for H.264 video (RFC 6184 encoding name, matched case-insensitively).
    public var isH264: Bool { encodingName?.uppercased() == "H264" }

    /// True for H.265 video (RFC 7798 encoding name, matched case-insensitively).
    public var isH265: Bool { encodingName?.uppercased() == "H265" }

    /// The codec name reported: the encoding name upper-cased, or the static payload
    /// type's number when the SDP has no rtpmap.
    public var codecName: String { encodingName?.uppercased() ?? "PT\(payloadType)" }
}
