import H265Syntax
import Testing
@testable import RTP

@Suite("H265Packetizer")
struct H265PacketizerTests {
    static let vps = hexBytes("4001 0C01 FFFF")
    static let sps = hexBytes("4201 0101 60")
    static let pps = hexBytes("4401 C071")
    static let aud = hexBytes("4601 50")
    /// An IDR_N_LP slice of 32 octets: header 0x2801 then 0, 1, ..., 29.
    static let idr: [UInt8] = [0x28, 0x01] + (0..<30).map { UInt8($0) }

    /// Budget 20: maxPacketSize 32.
    static func packetizer(sequence: UInt16 = 0x0102) -> H265Packetizer {
        H265Packetizer(ssrc: 0x1122_3344, initialSequenceNumber: sequence, payloadType: 96, maxPacketSize: 32)
    }

    @Test func aggregationPacketExactBytes() {
        // Budget 23: exactly the AP of the three parameter sets.
        var packetizer = H265Packetizer(ssrc: 0x1122_3344, initialSequenceNumber: 0x0102, payloadType: 96, maxPacketSize: 35)
        let batch = packetizer.packetize(nalUnits: [Self.aud, Self.vps, Self.sps, Self.pps], timestamp: 0x0A0B_0C0D)
        // PayloadHdr 0x6001: F 0, Type 48, LayerId 0, TID 1.
        let expected = hexBytes("80 E0 0102 0A0B0C0D 11223344  6001 0006 40010C01FFFF 0005 4201010160 0004 4401C071")
        #expect(batch.bytes.octets == expected)
        #expect(batch.packetRanges == [0..<expected.count])
        #expect(batch.payloadOctets == expected.count - 12)
        #expect(!batch.containsIDR)
    }

    @Test func fragmentationUnitsExactBytes() {
        var packetizer = Self.packetizer()
        let batch = packetizer.packetize(nalUnits: [Self.idr], timestamp: 7)
        // 30 octets after the header: 17 in the first fragment, 13 in the second.
        // PayloadHdr 0x6201 (Type 49), FU header S|20 = 0x94, then E|20 = 0x54.
        let start = hexBytes("80 60 0102 00000007 11223344  6201 94") + (0..<17).map { UInt8($0) }
        let end = hexBytes("80 E0 0103 00000007 11223344  6201 54") + (17..<30).map { UInt8($0) }
        #expect(batch.bytes.octets == start + end)
        #expect(batch.packetRanges == [0..<32, 32..<60])
        #expect(batch.containsIDR)
        #expect(packetizer.nextSequenceNumber == 0x0104)
    }

    @Test func fragmentsKeepLayerAndTemporalID() {
        var packetizer = Self.packetizer()
        let nal = [H265NALHeader(forbidden: true, type: 1, layerID: 5, temporalIDPlusOne: 3).firstOctet, 0x2B] + Array(repeating: 0xAA, count: 40)
        let batch = packetizer.packetize(nalUnits: [nal], timestamp: 0)
        let payload = Array(batch.packet(at: 0).octets[12...])
        let header = H265NALHeader(payload[0], payload[1])
        #expect(header.type == 49 && header.forbidden && header.layerID == 5 && header.temporalIDPlusOne == 3)
        #expect(payload[2] == 0x81)
        #expect(!batch.containsIDR)
    }

    @Test func aggregationHeaderTakesOrAndLowestIDs() {
        var packetizer = H265Packetizer(ssrc: 1, initialSequenceNumber: 0)
        let vps = [H265NALHeader(type: 32, layerID: 3, temporalIDPlusOne: 2)]
        let sps = [H265NALHeader(forbidden: true, type: 33, layerID: 1, temporalIDPlusOne: 4)]
        let nals = (vps + sps).map { [$0.firstOctet, $0.secondOctet, 0x00] }
        let payload = Array(packetizer.packetize(nalUnits: nals, timestamp: 0).packet(at: 0).octets[12...])
        let header = H265NALHeader(payload[0], payload[1])
        #expect(header.type == 48 && header.forbidden && header.layerID == 1 && header.temporalIDPlusOne == 2)
    }

    @Test func markerOnlyOnLastPacketAndSizesBounded() throws {
        var packetizer = H265Packetizer(ssrc: 1, initialSequenceNumber: 65534, maxPacketSize: 100)
        let slice: [UInt8] = [0x26, 0x01] + Array(repeating: 0x55, count: 1000)
        let batch = packetizer.packetize(nalUnits: [Self.vps, Self.sps, Self.pps, slice, [0x02, 0x01, 0x00]], timestamp: 0)
        #expect(batch.packetCount > 3)
        for index in 0..<batch.packetCount {
            let (header, _) = try RTPHeader.parse(batch.packet(at: index).readableBytesView)
            #expect(header.marker == (index == batch.packetCount - 1))
            #expect(header.sequenceNumber == 65534 &+ UInt16(index))
            #expect(batch.packetRanges[index].count <= 100)
        }
        #expect(batch.containsIDR)
    }

    @Test func emptyAccessUnitLeavesSequenceAlone() {
        var packetizer = Self.packetizer()
        let batch = packetizer.packetize(nalUnits: [Self.aud, [0x4C, 0x01, 0xFF], [0x02]], timestamp: 5)
        #expect(batch.packetCount == 0 && batch.payloadOctets == 0)
        #expect(packetizer.nextSequenceNumber == 0x0102)
    }
}
