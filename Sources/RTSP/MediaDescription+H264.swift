extension MediaDescription {
    /// A one-format H.264 video section as camsim writes it (RFC 6184 §8.2.1): rtpmap
    /// `H264/<clock rate>`, the fmtp from `format`, `a=framerate` when given, `a=control`.
    public static func h264(
        format: H264FormatParameters, frameRate: Double? = nil, control: String = "trackID=0",
        port: UInt16 = 0, payloadType: UInt8 = 96, clockRate: Int = 90000,
        connection: SDPConnection? = nil, bandwidthKbps: Int? = nil
    ) -> MediaDescription {
        MediaDescription(
            type: "video", port: port, payloadTypes: [payloadType],
            rtpMaps: [payloadType: SDPRTPMap(encodingName: "H264", clockRate: clockRate)],
            formatParameters: [payloadType: SDPFormatParameters(format.serialized)],
            control: control, frameRate: frameRate, connection: connection, bandwidthKbps: bandwidthKbps)
    }

    /// The first payload type whose rtpmap names `encoding` (ignoring case), in `m=` order.
    public func payloadType(encoding: String) -> UInt8? {
        payloadTypes.first { rtpMaps[$0]?.isEncoding(encoding) == true }
    }

    /// The H.264 parameters of the first H264 payload type (RFC 6184 §8.1); nil when the
    /// section carries no H.264, empty parameters when it has no fmtp.
    public func h264FormatParameters() throws(SDPParseError) -> H264FormatParameters? {
        guard let pt = payloadType(encoding: "H264") else { return nil }
        guard let fmtp = formatParameters[pt] else { return H264FormatParameters(sps: [], pps: [], packetizationMode: 0) }
        return try H264FormatParameters.parse(fmtp.raw)
    }
}

extension SessionDescription {
    /// The index of the first `video` section, if any.
    public var firstVideoIndex: Int? { media.firstIndex { $0.type == "video" } }

    /// The first `video` section, if any.
    public var firstVideo: MediaDescription? { firstVideoIndex.map { media[$0] } }
}
