import Foundation
import FuzzSeedSupport
import Testing
@testable import RTSP

/// The seeds of the RTSP fuzz targets match the case tables of this module.
@Suite struct FuzzSeedTests {
    @Test func rtspMessage() throws {
        let tables = RTSPMessageParserTests.recoverable.map(\.0) + RTSPMessageParserTests.fatal.map(\.0)
        try FuzzSeeds.check("rtsp-message", [RTSPMessageParserTests.mixedStream] + tables.map { Array($0.utf8) }
            + Base64StreamDecoderTests.requests.map { Array($0.utf8) })
    }

    @Test func rtspResponse() throws {
        let tables = RTSPResponseParserTests.malformed.map(\.0) + RTSPResponseParserTests.fatal.map(\.0)
            + RTSPResponseParserTests.statusLines.map { $0.0 + "\r\n\r\n" }
        try FuzzSeeds.check("rtsp-response", [RTSPResponseParserTests.stream] + tables.map { Array($0.utf8) }
            + RTSPResponseParserTests.roundTrip.map { $0.serialize() })
    }

    @Test func transport() throws {
        let headers: [String] = TransportHeaderTests.cases.map(\.0) + TransportHeaderTests.garbage.map(\.0)
        let offers: [String] = MulticastTransportTests.offers.map(\.0) + MulticastTransportTests.refusedOffers.map(\.0)
        let answers: [String] = MulticastTransportTests.answers.map(\.0) + MulticastTransportTests.refusedAnswers.map(\.0)
        try FuzzSeeds.check("transport", texts: headers + offers + answers)
    }

    @Test func session() throws {
        try FuzzSeeds.check("session", texts: SessionHeaderTests.cases.map(\.0) + SessionHeaderTests.garbage.map(\.0))
    }

    @Test func range() throws {
        try FuzzSeeds.check("range", texts: RangeHeaderTests.cases.map(\.0) + RangeHeaderTests.rejected.map(\.0))
    }

    @Test func require() throws {
        try FuzzSeeds.check("require", texts: RequireHeaderTests.cases.map(\.0) + RequireHeaderTests.garbage.map(\.0))
    }

    @Test func scale() throws {
        try FuzzSeeds.check("scale", texts: ScaleHeaderTests.cases.map(\.0) + ScaleHeaderTests.garbage.map(\.0))
    }

    @Test func speed() throws {
        try FuzzSeeds.check("speed", texts: SpeedHeaderTests.cases.map(\.0) + SpeedHeaderTests.garbage.map(\.0))
    }

    @Test func frames() throws {
        try FuzzSeeds.check("frames", texts: FramesHeaderTests.cases.map(\.0) + FramesHeaderTests.garbage.map(\.0))
    }

    @Test func onvifYesNo() throws {
        try FuzzSeeds.check(
            "onvif-yes-no", texts: ONVIFYesNoHeaderTests.cases.map(\.0) + ONVIFYesNoHeaderTests.garbage.map(\.0))
    }

    @Test func rtpInfo() throws {
        try FuzzSeeds.check("rtp-info", texts: RTPInfoHeaderTests.cases.map(\.0) + RTPInfoHeaderTests.garbage.map(\.0))
    }

    @Test func cSeq() throws {
        try FuzzSeeds.check("cseq", texts: CSeqTests.values.map(\.0))
    }

    @Test func portRange() throws {
        try FuzzSeeds.check("port-range", texts: PortRangeTests.ports.map(\.0) + PortRangeTests.channels.map(\.0))
    }

    @Test func version() throws {
        try FuzzSeeds.check("version", texts: RTSPVersionTests.valid.map(\.0) + RTSPMethodTests.cases.map(\.0))
    }

    @Test func formatParameters() throws {
        let format = H264FormatParameters(sps: H264FormatParametersTests.sps, pps: H264FormatParametersTests.pps)
        try FuzzSeeds.check("fmtp", texts: [format.serialized, SessionDescriptionTests.format.serialized])
    }

    @Test func mpeg4FormatParameters() throws {
        try FuzzSeeds.check("mpeg4-fmtp", texts: MPEG4GenericFormatParametersTests.texts)
    }

    @Test func sessionDescription() throws {
        try FuzzSeeds.check("sdp", texts: [SessionDescriptionTests.unicast.serialize(), SessionDescriptionTests.multicast.serialize()]
            + SessionDescriptionTests.garbage.map(\.0) + SessionDescriptionTests.lenient.map(\.0)
            + SDPLineTests.garbage.map(\.0) + SessionDescriptionCorpus.all.map(\.text) + [MediaDescriptionTests.backchannel.serialize()])
    }

    @Test func url() throws {
        try FuzzSeeds.check("url", texts: RTSPURLTests.forms.map(\.0) + RTSPURLTests.garbage.map(\.0)
            + RTSPURLTests.controls.map(\.0))
    }

    @Test func textParameters() throws {
        try FuzzSeeds.check("text-parameters", texts: TextParametersTests.cases.map(\.body))
    }

    @Test func tunnelHandshake() throws {
        try FuzzSeeds.check("tunnel-handshake", texts: [HTTPTunnelHandshakeTests.get, HTTPTunnelHandshakeTests.post])
    }

    @Test func tunnelBase64() throws {
        try FuzzSeeds.check("tunnel-base64", [Base64StreamDecoderTests.encoded])
    }
}
