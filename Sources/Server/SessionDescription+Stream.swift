import Cameras
import H264Syntax
import RTSP

extension SessionDescription {
    /// The SDP DESCRIBE returns for a stream (RFC 4566): for H.264 the fmtp from the
    /// encoder's real SPS/PPS (RFC 6184 §8.2.1); for other formats the rtpmap of the
    /// stream's format and the source's own fmtp parameters, if any (none for JPEG,
    /// RFC 2435 with the static payload type 26).
    init(stream: StreamDefinition, formatParameters: SourceFormatParameters, sessionID: UInt64, originAddress: String) {
        let encoder = stream.encoder
        let bitrate: Int? = switch encoder.rateControl {
        case .averageBitrate(let kbps): kbps
        case .constantRateFactor: nil
        }
        let format = stream.format
        let video: MediaDescription
        if let parameterSets = formatParameters.parameterSets {
            video = .h264(
                format: H264FormatParameters(
                    sps: parameterSets.sequenceParameterSet, pps: parameterSets.pictureParameterSet,
                    packetizationMode: format.packetizationMode),
                frameRate: encoder.frameRate.framesPerSecond,
                payloadType: format.payloadType,
                clockRate: Int(format.clockRate),
                bandwidthKbps: bitrate
            )
        } else {
            video = MediaDescription(
                type: format.mediaType.rawValue, payloadTypes: [format.payloadType],
                rtpMaps: [format.payloadType: SDPRTPMap(encodingName: format.encodingName, clockRate: Int(format.clockRate))],
                formatParameters: formatParameters.fmtpValue.map { [format.payloadType: SDPFormatParameters($0)] } ?? [:],
                control: "trackID=0", frameRate: encoder.frameRate.framesPerSecond,
                bandwidthKbps: format.encodingName == "JPEG" ? nil : bitrate)
        }
        self.init(
            originSessionID: sessionID,
            originAddress: originAddress,
            sessionName: "\(stream.cameraName) \(stream.streamName)",
            sessionInformation: "camsim \(encoder.width)x\(encoder.height)@\(encoder.frameRate)",
            tool: CamsimServer.productToken,
            media: [video]
        )
    }
}
