import RTSP

extension RTSPClientDescription {
    /// Most `m=` sections turned into tracks.
    public static let maximumTracks = 16

    /// Reads the tracks of an SDP with the RTSP module's `SessionDescription` (RFC 4566) and
    /// resolves their control URLs against `base` (RFC 2326 §C.1.1). Returns nil when the
    /// text is not an SDP or has no media section.
    public static func parse(sdp: String, base: ClientURL) -> RTSPClientDescription? {
        guard let description = try? SessionDescription.parse(sdp), !description.media.isEmpty else { return nil }
        let aggregate = description.control.flatMap { base.resolving($0) } ?? base
        let tracks = description.media.prefix(maximumTracks).enumerated().compactMap { index, media in
            track(media, index: index, base: base)
        }
        guard !tracks.isEmpty else { return nil }
        return RTSPClientDescription(
            sdp: sdp, sessionDescription: description, baseURL: base, aggregateURL: aggregate, tracks: tracks)
    }

    /// RFC 3551 §6: static payload types a server may use without an rtpmap.
    static let staticPayloadTypes: [UInt8: (name: String, clockRate: Int, channels: Int?)] = [
        0: ("PCMU", 8000, 1), 3: ("GSM", 8000, 1), 8: ("PCMA", 8000, 1), 9: ("G722", 8000, 1),
        10: ("L16", 44100, 2), 11: ("L16", 44100, 1), 14: ("MPA", 90000, nil), 26: ("JPEG", 90000, nil),
        32: ("MPV", 90000, nil), 33: ("MP2T", 90000, nil),
    ]

    private static func track(_ media: MediaDescription, index: Int, base: ClientURL) -> RTSPClientTrack? {
        // A section without a control attribute is set up at the base URL (RFC 2326 §C.1.1).
        let resolved: ClientURL? = if let control = media.control { base.resolving(control) } else { base }
        guard let url = resolved else { return nil }
        let pt = media.primaryPayloadType
        var name: String?, clock: Int?, channels: Int?
        if let pt, let map = media.rtpMaps[pt] {
            (name, clock, channels) = (map.encodingName, map.clockRate, map.channels)
        } else if let pt, let known = staticPayloadTypes[pt] {
            (name, clock, channels) = (known.name, known.clockRate, known.channels)
        }
        return RTSPClientTrack(
            mediaIndex: index, mediaType: media.type, transportProtocol: media.proto, payloadType: pt,
            encodingName: name, clockRate: clock, channels: channels,
            formatParameters: pt.flatMap { media.formatParameters[$0]?.raw }, frameRate: media.frameRate,
            control: media.control, url: url)
    }
}
