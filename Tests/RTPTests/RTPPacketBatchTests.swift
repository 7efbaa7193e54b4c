import NIOCore
import Testing
@testable import RTP

@Suite("RTPPacketBatch")
struct RTPPacketBatchTests {
    @Test func packetsAreSlicesOfOneBuffer() {
        var packetizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 65535, maxPacketSize: 32)
        let batch = packetizer.packetize(nalUnits: [[0x65] + Array(repeating: 9, count: 30)], timestamp: 7)
        #expect(batch.packetCount == 2)
        #expect(batch.packets.flatMap(\.octets) == batch.bytes.octets)
        // A slice shares its parent's storage: both see the same first octet address.
        let base = batch.bytes.withUnsafeReadableBytes { $0.baseAddress }
        #expect(batch.packet(at: 0).withUnsafeReadableBytes { $0.baseAddress } == base)
        #expect(batch.packet(at: 1).withUnsafeReadableBytes { $0.baseAddress } == base.map { $0 + 32 })
        #expect(batch.sequenceNumber(at: 0) == 65535)
        #expect(batch.sequenceNumber(at: 1) == 0)
    }

    @Test func emptyBatch() {
        let batch = RTPPacketBatch(timestamp: 0, firstSequenceNumber: 3)
        #expect(batch.packetCount == 0)
        #expect(batch.bytes.readableBytes == 0)
        #expect(!batch.containsIDR)
        #expect(batch.payloadOctets == 0)
    }

    @Test func storageIsReusedOnceThePreviousBatchIsGone() {
        var packetizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 0, maxPacketSize: 200)
        let unit: [[UInt8]] = [[0x41] + Array(repeating: 1, count: 500)]
        let firstAddress = packetizer.packetize(nalUnits: unit, timestamp: 0).bytes.withUnsafeReadableBytes { $0.baseAddress }
        let secondAddress = packetizer.packetize(nalUnits: unit, timestamp: 1).bytes.withUnsafeReadableBytes { $0.baseAddress }
        #expect(firstAddress == secondAddress, "released storage was not reused")
    }

    @Test func heldPacketsAreNeverOverwritten() {
        var packetizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 0, maxPacketSize: 200)
        let held = packetizer.packetize(nalUnits: [[0x41] + Array(repeating: 1, count: 500)], timestamp: 0)
        let before = held.packets.map(\.octets)
        _ = packetizer.packetize(nalUnits: [[0x41] + Array(repeating: 2, count: 500)], timestamp: 1)
        #expect(held.packets.map(\.octets) == before)
    }
}
