import RTP
import RTSP

extension MediaDescription {
    /// The media section of a track of `format` (RFC 4566 §5.14): `m=<type> 0 RTP/AVP <pt>`,
    /// `a=rtpmap`, `a=fmtp` when the format has parameters (`key=value;…`), and `a=control`.
    static func track(format: RTPPayloadFormat, formatParameters: String?, control: String) -> MediaDescription {
        let pt = format.payloadType
        return MediaDescription(
            type: format.mediaType.rawValue, payloadTypes: [pt],
            rtpMaps: [pt: SDPRTPMap(encodingName: format.encodingName, clockRate: Int(format.clockRate), channels: format.channels)],
            formatParameters: formatParameters.map { [pt: SDPFormatParameters($0)] } ?? [:],
            control: control)
    }
}
