import FuzzSeedSupport
import Testing
@testable import RTP

/// The seeds of the RTP and RTCP fuzz targets match the packets of this module's tests.
@Suite struct FuzzSeedTests {
    static let rtcpPackets = [
        RTCPSenderReportTests.bytes, RTCPReceiverReportTests.bytes, RTCPSourceDescriptionTests.twoChunksBytes,
    ]

    @Test func rtp() throws {
        try FuzzSeeds.check("rtp", [RTPHeaderTests.fullPacket])
    }

    @Test func replayExtension() throws {
        try FuzzSeeds.check("replay-extension", ONVIFReplayExtensionTests.cases.map { Array($0.1[4...]) })
    }

    @Test func auHeaders() throws {
        try FuzzSeeds.check("au-headers", MPEG4GenericAUHeaderSectionTests.payloads)
    }

    @Test func rtcp() throws {
        // Each packet alone, and all of them as one compound packet.
        try FuzzSeeds.check("rtcp", Self.rtcpPackets + [Self.rtcpPackets.flatMap { $0 }])
    }
}
