import NIOCore
import Testing
@testable import RTP

@Suite struct RTPPacketBatchHeaderExtensionTests {
    @Test func theFirstPacketGetsTheExtensionAndTheXBit() throws {
        var packetizer = H264Packetizer(ssrc: 0x0102_0304, initialSequenceNumber: 7, payloadType: 96, maxPacketSize: 40)
        // One NAL unit of 60 octets: three FU-A packets.
        let nal: [UInt8] = [0x65] + Array(repeating: 0xAA, count: 59)
        let batch = packetizer.packetize(nalUnits: [nal], timestamp: 0x1122_3344)
        try #require(batch.packetCount >= 2)
        let header = RTPHeaderExtension(profile: 0xABAC, data: Array(0..<12))
        let extended = batch.withHeaderExtensionOnFirstPacket(header)
        #expect(extended.packetCount == batch.packetCount)
        let first = Array(extended.packet(at: 0).readableBytesView)
        let original = Array(batch.packet(at: 0).readableBytesView)
        #expect(first[0] == original[0] | 0x10)
        #expect(Array(first[1..<12]) == Array(original[1..<12]))
        #expect(Array(first[12..<28]) == [0xAB, 0xAC, 0x00, 0x03] + Array(0..<12))
        #expect(Array(first[28...]) == Array(original[12...]))
        let (parsed, payload) = try RTPHeader.parse(first)
        #expect(parsed.headerExtension == header)
        #expect(payload.lowerBound == 28)
        for index in 1..<batch.packetCount {
            #expect(Array(extended.packet(at: index).readableBytesView) == Array(batch.packet(at: index).readableBytesView))
        }
        #expect(extended.firstSequenceNumber == batch.firstSequenceNumber && extended.timestamp == batch.timestamp)
    }
}
