import Testing
@testable import RTP

@Suite("RTPPacketBatch")
struct RTPPacketBatchTests {
    @Test func slicesPacketsWithoutCopying() {
        let batch = RTPPacketBatch(bytes: [1, 2, 3, 4, 5], packetRanges: [0..<2, 2..<5], timestamp: 7, firstSequenceNumber: 65535)
        #expect(batch.packetCount == 2)
        #expect(Array(batch.packet(at: 0)) == [1, 2])
        #expect(Array(batch.packet(at: 1)) == [3, 4, 5])
        #expect(batch.packet(at: 1).startIndex == 2)
        #expect(batch.sequenceNumber(at: 0) == 65535)
        #expect(batch.sequenceNumber(at: 1) == 0)
    }

    @Test func emptyBatch() {
        let batch = RTPPacketBatch(timestamp: 0, firstSequenceNumber: 3)
        #expect(batch.packetCount == 0)
        #expect(batch.bytes.isEmpty)
        #expect(!batch.containsIDR)
        #expect(batch.payloadOctets == 0)
    }
}
