/// One media of a DESCRIBE answer the client can set up: what its `m=` section says and the
/// URL its SETUP goes to.
public struct RTSPClientTrack: Hashable, Sendable {
    /// The position of its `m=` section in the SDP, from 0.
    public var mediaIndex: Int
    /// `video`, `audio`, `application`, … (RFC 4566 §5.14).
    public var mediaType: String
    /// `RTP/AVP`, `RTP/AVPF`, … as the `m=` line says.
    public var transportProtocol: String
    /// The first payload type of the `m=` line: the one the track is received as.
    public var payloadType: UInt8?
    /// The encoding name of the payload type's `a=rtpmap` (`H264`, `PCMU`, …), or the
    /// static assignment of RFC 3551 §6 when there is none.
    public var encodingName: String?
    /// The RTP clock rate in Hz.
    public var clockRate: Int?
    /// Audio channels, when the rtpmap gives them.
    public var channels: Int?
    /// The payload type's `a=fmtp` parameters as written, without `pt `.
    public var formatParameters: String?
    /// `a=framerate`, when given.
    public var frameRate: Double?
    /// The `a=control` attribute as written, if any.
    public var control: String?
    /// The control URL resolved against the base (RFC 2326 §C.1.1).
    public var url: ClientURL

    public init(
        mediaIndex: Int, mediaType: String, transportProtocol: String = "RTP/AVP", payloadType: UInt8? = nil,
        encodingName: String? = nil, clockRate: Int? = nil, channels: Int? = nil, formatParameters: String? = nil,
        frameRate: Double? = nil, control: String? = nil, url: ClientURL
    ) {
        self.mediaIndex = mediaIndex
        self.mediaType = mediaType
        self.transportProtocol = transportProtocol
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
        self.formatParameters = formatParameters
        self.frameRate = frameRate
        self.control = control
        self.url = url
    }

    /// True for an H.264 video track (RFC 6184).
    public var isH264: Bool { encodingName?.uppercased() == "H264" }
}
