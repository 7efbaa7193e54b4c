import RTP
import RTSP

/// The SDP media section of a track other than the H.264 video (RFC 4566 §5.14):
/// `m=<type> 0 RTP/AVP <pt>`, `a=rtpmap`, `a=fmtp` when the format has parameters, and
/// `a=control`. Kept as lines until the session description models every media section.
struct TrackMediaSection: Sendable, Equatable {
    var format: RTPPayloadFormat
    /// The `a=fmtp` value after the payload type (`key=value;…`), nil for none.
    var formatParameters: String?
    /// `a=control`: `trackID=N` relative to the aggregate URL, or an absolute URL.
    var control: String
    /// `a=sendonly`/`a=recvonly` (RFC 4566 §6); nil leaves the default, sendrecv.
    var direction: String?

    /// The section's lines in RFC 4566 §5 order: m, then media attributes.
    var lines: [SDPLine] {
        let pt = format.payloadType
        var lines = [
            SDPLine(type: "m", value: "\(format.mediaType.rawValue) 0 RTP/AVP \(pt)"),
            SDPLine(type: "a", value: "rtpmap:\(format.rtpMap)"),
        ]
        if let formatParameters { lines.append(SDPLine(type: "a", value: "fmtp:\(pt) \(formatParameters)")) }
        if let direction { lines.append(SDPLine(type: "a", value: direction)) }
        lines.append(SDPLine(type: "a", value: "control:\(control)"))
        return lines
    }

    /// The lines as SDP text, each ending in CRLF, to follow the sections before it.
    var serialized: String { lines.map { $0.serialized + "\r\n" }.joined() }
}
