import H264
import Testing
@testable import Cameras
import RTP
import RTSP
@testable import Server

/// DESCRIBE's video section for a codec other than H.264: its own rtpmap and fmtp.
@Suite struct SessionDescriptionVideoFormatTests {
    static func description(format: RTPPayloadFormat) -> SessionDescription {
        let definition = StreamDefinition(
            cameraName: "cam", encoder: EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 15)),
            format: format, makeSource: { _, _ in throw CancellationError() })
        return SessionDescription(
            stream: definition, parameterSets: ParameterSets(sequenceParameterSet: [], pictureParameterSet: []),
            sessionID: 7, originAddress: "127.0.0.1")
    }

    @Test func h265SectionCarriesItsRtpmapAndFmtp() {
        let parameters = SourceFormatParameters(fmtp: [("profile-id", "1"), ("sprop-vps", "QAE=")])
        let text = Self.description(format: .h265).serialize(videoFormat: .h265, parameters: parameters)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.contains("m=video 0 RTP/AVP 96"))
        #expect(lines.contains("a=rtpmap:96 H265/90000"))
        #expect(lines.contains("a=fmtp:96 profile-id=1;sprop-vps=QAE="))
        #expect(!text.contains("H264") && !text.contains("packetization-mode"))
        #expect(lines.contains("a=control:trackID=0") && lines.contains("a=framerate:15"))
    }

    @Test func formatWithoutParametersHasNoFmtp() {
        let jpeg = RTPPayloadFormat(payloadType: 26, clockRate: 90_000, encodingName: "JPEG")
        let text = Self.description(format: jpeg).serialize(videoFormat: jpeg, parameters: SourceFormatParameters())
        #expect(text.contains("m=video 0 RTP/AVP 26\r\n") && text.contains("a=rtpmap:26 JPEG/90000\r\n"))
        #expect(!text.contains("a=fmtp"))
    }

    @Test func h264IsWrittenAsBefore() {
        let sets = ParameterSets(sequenceParameterSet: [0x67, 0x42, 0x00, 0x1F], pictureParameterSet: [0x68, 0xCE])
        let description = SessionDescription(
            stream: StreamDefinition(
                cameraName: "cam", encoder: EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 15)),
                makeSource: { _, _ in throw CancellationError() }),
            parameterSets: sets, sessionID: 7, originAddress: "127.0.0.1")
        #expect(description.serialize(videoFormat: .h264, parameters: SourceFormatParameters(parameterSets: sets)) == description.serialize())
    }
}
