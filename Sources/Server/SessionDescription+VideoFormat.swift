import Cameras
import RTP
import RTSP

extension SessionDescription {
    /// The description as text with its video section in `format` when that is not H.264
    /// (an `H265/90000` or `JPEG/90000` rtpmap, RFC 4566 §6), the `a=fmtp` line then
    /// carrying the source's own parameters (RFC 7798 §7.1 for H.265) or none. H.264 is
    /// written as it always was. Kept as a rewrite of the one H.264-shaped video section
    /// until the session description models every media section.
    func serialize(videoFormat format: RTPPayloadFormat, parameters: SourceFormatParameters) -> String {
        guard parameters.parameterSets == nil else { return serialize() }
        let pt = format.payloadType
        var rewritten: [SDPLine] = []
        var inVideo = false
        for line in lines {
            if line.type == "m" { inVideo = line.value.hasPrefix("video ") }
            guard inVideo, line.type == "a" else {
                rewritten.append(line)
                continue
            }
            if line.value.hasPrefix("rtpmap:\(pt) ") {
                rewritten.append(SDPLine(type: "a", value: "rtpmap:\(format.rtpMap)"))
            } else if line.value.hasPrefix("fmtp:\(pt) ") {
                if let fmtp = parameters.fmtpValue { rewritten.append(SDPLine(type: "a", value: "fmtp:\(pt) \(fmtp)")) }
            } else {
                rewritten.append(line)
            }
        }
        return rewritten.map { $0.serialized + "\r\n" }.joined()
    }
}
