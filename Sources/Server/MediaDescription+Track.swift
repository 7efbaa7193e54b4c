import RTP
import RTSP

extension MediaDescription {
    /// The media section of a track of `format` (RFC 4566 §5.14): `m=<type> 0 RTP/AVP <pt>`,
    /// `a=rtpmap` (the channel count only above one, as RFC 3551 §6 writes `PCMU/8000`),
    /// `a=fmtp` when the format has parameters (`key=value;…`), and `a=control`.
    static func track(format: RTPPayloadFormat, formatParameters: String?, control: String) -> MediaDescription {
        let pt = format.payloadType
        return MediaDescription(
            type: format.mediaType.rawValue, payloadTypes: [pt],
            rtpMaps: [pt: SDPRTPMap(encodingName: format.encodingName, clockRate: Int(format.clockRate), channels: format.channels.flatMap { $0 > 1 ? $0 : nil })],
            formatParameters: formatParameters.map { [pt: SDPFormatParameters($0)] } ?? [:],
            control: control)
    }
}
