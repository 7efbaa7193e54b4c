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

    @Test func h265Depayloader() throws {
        // Each payload alone as one record, and the whole table as one run.
        let single = H265DepayloaderTests.seedPayloads.map { Self.depayloaderRecord($0, marker: true) }
        let run = H265DepayloaderTests.seedPayloads.flatMap { Self.depayloaderRecord($0, marker: false) }
        try FuzzSeeds.check("h265-depayloader", single + [run])
    }

    /// One record of the depayloader fuzz target's input: flags, 16-bit length, payload.
    static func depayloaderRecord(_ payload: [UInt8], marker: Bool) -> [UInt8] {
        [marker ? 1 : 0, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
    }

    @Test func auHeaders() throws {
        try FuzzSeeds.check("au-headers", MPEG4GenericAUHeaderSectionTests.payloads)
    }

    @Test func rtcp() throws {
        // Each packet alone, and all of them as one compound packet.
        try FuzzSeeds.check("rtcp", Self.rtcpPackets + [Self.rtcpPackets.flatMap { $0 }])
    }
}

extension FuzzSeedTests {
    /// Records of the RTP/JPEG target (flags octet, 16-bit length, payload): a whole frame
    /// split in packets, the header vectors as payloads of their own.
    @Test func rtpJPEG() throws {
        func record(_ payload: [UInt8], marker: Bool) -> [UInt8] {
            [marker ? 1 : 0, UInt8(payload.count >> 8), UInt8(truncatingIfNeeded: payload.count)] + payload
        }
        let frame = try JPEGDepayloaderTests.packets(scan: Array(JPEGDepayloaderTests.scan.prefix(700)))
        let headers = JPEGHeadersTests.mainBytes + JPEGHeadersTests.restartBytes + JPEGHeadersTests.tablesBytes + [0xAA, 0xBB]
        try FuzzSeeds.check("rtp-jpeg", [
            frame.flatMap { record($0.payload, marker: $0.marker) },
            record(headers, marker: true),
        ])
    }
}
