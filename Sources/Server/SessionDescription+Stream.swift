import Cameras
import H264Syntax
import RTSP

extension SessionDescription {
    /// The SDP DESCRIBE returns for a stream (RFC 4566; RFC 6184 §8.2.1 for the
    /// fmtp), from the encoder's real SPS/PPS.
    init(stream: StreamDefinition, parameterSets: ParameterSets, sessionID: UInt64, originAddress: String) {
        let encoder = stream.encoder
        let bitrate: Int? = switch encoder.rateControl {
        case .averageBitrate(let kbps): kbps
        case .constantRateFactor: nil
        }
        self.init(
            originSessionID: sessionID,
            originAddress: originAddress,
            sessionName: "\(stream.cameraName) \(stream.streamName)",
            sessionInformation: "camsim \(encoder.width)x\(encoder.height)@\(encoder.frameRate)",
            tool: CamsimServer.productToken,
            media: [.h264(
                format: H264FormatParameters(
                    sps: parameterSets.sequenceParameterSet, pps: parameterSets.pictureParameterSet,
                    packetizationMode: stream.format.packetizationMode),
                frameRate: encoder.frameRate.framesPerSecond,
                payloadType: stream.format.payloadType,
                clockRate: Int(stream.format.clockRate),
                bandwidthKbps: bitrate
            )]
        )
    }
}
