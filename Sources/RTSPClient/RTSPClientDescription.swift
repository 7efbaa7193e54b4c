import RTSP

/// What a DESCRIBE answer told the client: the SDP, the base URL it resolved against, the
/// aggregate control URL PLAY and TEARDOWN use, and the tracks with their SETUP URLs.
public struct RTSPClientDescription: Hashable, Sendable {
    /// The SDP text as received.
    public var sdp: String
    /// The SDP parsed by the RTSP module's model, or nil when that model rejects it (the
    /// tracks are still read).
    public var sessionDescription: SessionDescription?
    /// Content-Base, Content-Location or the request URL (RFC 2326 §C.1.1).
    public var baseURL: ClientURL
    /// The session-level `a=control` resolved, or the base URL.
    public var aggregateURL: ClientURL
    /// Every media section the client can set up, in SDP order.
    public var tracks: [RTSPClientTrack]

    public init(
        sdp: String, sessionDescription: SessionDescription?, baseURL: ClientURL, aggregateURL: ClientURL,
        tracks: [RTSPClientTrack]
    ) {
        self.sdp = sdp
        self.sessionDescription = sessionDescription
        self.baseURL = baseURL
        self.aggregateURL = aggregateURL
        self.tracks = tracks
    }
}
