import RTP
import RTSP

extension MediaDescription {
    /// The media section of a track other than the video (RFC 4566 §5.14): `m=<type> 0
    /// RTP/AVP <pt>`, its rtpmap (a channel count only above one, RFC 3551 §6), an fmtp when
    /// the format has parameters, and `a=control`.
    init(format: RTPPayloadFormat, formatParameters: String?, control: String) {
        let pt = format.payloadType
        self.init(
            type: format.mediaType.rawValue, payloadTypes: [pt],
            rtpMaps: [pt: SDPRTPMap(encodingName: format.encodingName, clockRate: Int(format.clockRate), channels: (format.channels ?? 1) > 1 ? format.channels : nil)],
            formatParameters: formatParameters.map { [pt: SDPFormatParameters($0)] } ?? [:],
            control: control)
    }
}
