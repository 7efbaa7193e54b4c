import H265Syntax
import Randomness
import Testing
@testable import RTP

@Suite("H265Depayloader")
struct H265DepayloaderTests {
    /// Payloads the fuzz target starts from: single, AP, each FU kind, and malformed ones.
    static let seedPayloads: [[UInt8]] = [
        hexBytes("0201 AABB"),
        hexBytes("6001 0006 40010C01FFFF 0005 4201010160 0004 4401C071"),
        hexBytes("6201 94 0001 02"),
        hexBytes("6201 14 03"),
        hexBytes("6201 54 0405"),
        hexBytes("6201 D4 01"),
        hexBytes("6001 0001 40"),
        hexBytes("6401 00"),
    ]

    @Test func passesSingleNALUnit() {
        var depayloader = H265Depayloader()
        #expect(depayloader.depayload(hexBytes("0201 AABB"), marker: true) == [hexBytes("0201 AABB")])
    }

    @Test func splitsAggregationPacket() {
        var depayloader = H265Depayloader()
        let nals = depayloader.depayload(Self.seedPayloads[1], marker: false)
        #expect(nals == [hexBytes("40010C01FFFF"), hexBytes("4201010160"), hexBytes("4401C071")])
    }

    @Test func reassemblesFragmentationUnits() {
        var depayloader = H265Depayloader()
        #expect(depayloader.depayload(hexBytes("6201 94 0001 02"), marker: false, sequenceNumber: 10).isEmpty)
        #expect(depayloader.depayload(hexBytes("6201 14 03"), marker: false, sequenceNumber: 11).isEmpty)
        #expect(depayloader.depayload(hexBytes("6201 54 0405"), marker: true, sequenceNumber: 12) == [hexBytes("2801 000102030405")])
        #expect(depayloader.droppedNALUnits == 0 && depayloader.malformedPayloads == 0)
    }

    @Test func rebuildsTheHeaderFromPayloadHdrAndFuType() {
        var depayloader = H265Depayloader()
        // PayloadHdr: F 1, Type 49, LayerId 5, TID 3; FuType 1.
        let payloadHeader = H265NALHeader(forbidden: true, type: 49, layerID: 5, temporalIDPlusOne: 3)
        _ = depayloader.depayload([payloadHeader.firstOctet, payloadHeader.secondOctet, 0x81, 0xAA], marker: false)
        let nals = depayloader.depayload([payloadHeader.firstOctet, payloadHeader.secondOctet, 0x41, 0xBB], marker: true)
        let expected = H265NALHeader(forbidden: true, type: 1, layerID: 5, temporalIDPlusOne: 3)
        #expect(nals == [[expected.firstOctet, expected.secondOctet, 0xAA, 0xBB]])
    }

    @Test func dropsFragmentsWithoutStart() {
        var depayloader = H265Depayloader()
        #expect(depayloader.depayload(hexBytes("6201 14 03"), marker: false).isEmpty)
        #expect(depayloader.depayload(hexBytes("6201 54 04"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
        #expect(depayloader.depayload(hexBytes("6201 81 01"), marker: false).isEmpty)
        #expect(depayloader.depayload(hexBytes("6201 41 02"), marker: true) == [hexBytes("0201 0102")])
    }

    @Test func dropsFragmentsOnSequenceGap() {
        var depayloader = H265Depayloader()
        _ = depayloader.depayload(hexBytes("6201 94 01"), marker: false, sequenceNumber: 65535)
        _ = depayloader.depayload(hexBytes("6201 14 02"), marker: false, sequenceNumber: 0)
        // 1 is lost.
        #expect(depayloader.depayload(hexBytes("6201 54 04"), marker: false, sequenceNumber: 2).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
        #expect(depayloader.depayload(hexBytes("0201 00"), marker: true, sequenceNumber: 3) == [hexBytes("0201 00")])
    }

    @Test func dropsFragmentsInterruptedByAnotherPacket() {
        var depayloader = H265Depayloader()
        _ = depayloader.depayload(hexBytes("6201 94 01"), marker: false)
        #expect(depayloader.depayload(hexBytes("0201 00"), marker: false) == [hexBytes("0201 00")])
        #expect(depayloader.depayload(hexBytes("6201 54 02"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
    }

    @Test func dropsFragmentsWhenAccessUnitEndsFirst() {
        var depayloader = H265Depayloader()
        #expect(depayloader.depayload(hexBytes("6201 94 01"), marker: true).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
        #expect(depayloader.depayload(hexBytes("6201 54 02"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 2)
    }

    @Test func dropsFragmentsWhoseTypeChanges() {
        var depayloader = H265Depayloader()
        _ = depayloader.depayload(hexBytes("6201 94 01"), marker: false)
        #expect(depayloader.depayload(hexBytes("6201 41 02"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
    }

    @Test func rejectsMalformedPayloads() {
        var depayloader = H265Depayloader()
        let malformed = [
            "",  // empty
            "02",  // shorter than a NAL unit header
            "6001 0005 4201",  // size past the end
            "6001 0002 4201 00",  // dangling size octet
            "6001 0000 0002 0201",  // zero size
            "6001 0001 40 0002 0201",  // a unit shorter than its header
            "6001 0006 40010C01FFFF",  // one unit only (§4.4.2 needs two)
            "6001",  // no units
            "6201 94",  // FU without data
            "6201",  // FU without FU header
            "6201 D4 01",  // S and E both set
            "6201 B0 01",  // FuType 48
            "6401 00",  // PACI
            "7E01 00",  // reserved type 63
        ]
        for text in malformed {
            #expect(depayloader.depayload(hexBytes(text), marker: false).isEmpty, "\(text)")
        }
        #expect(depayloader.malformedPayloads == malformed.count)
    }

    /// Packetize access units of random NAL units at many packet sizes, then depayload every
    /// packet: the NAL units come back exactly, AUD and filler aside.
    @Test func roundTrip() throws {
        var random = SeededGenerator(seed: 7265)
        for maxPacketSize in [16, 17, 40, 100, 577, 1400] {
            var packetizer = H265Packetizer(ssrc: 9, initialSequenceNumber: 65530, maxPacketSize: maxPacketSize)
            var depayloader = H265Depayloader()
            for unit in 0..<20 {
                var nals: [[UInt8]] = []
                if unit % 5 == 0 {
                    nals += [[0x40, 0x01] + random.bytes(20), [0x42, 0x01] + random.bytes(40), [0x44, 0x01] + random.bytes(5)]
                }
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let type = UInt8.random(in: 0...21, using: &random)
                    let size = Int.random(in: 0...3000, using: &random)
                    nals.append([type << 1, 0x01] + random.bytes(size))
                }
                let batch = packetizer.packetize(nalUnits: nals, timestamp: UInt32(unit))
                var received: [[UInt8]] = []
                for index in 0..<batch.packetCount {
                    let bytes = batch.packet(at: index).octets
                    let (header, payload) = try RTPHeader.parse(bytes)
                    #expect(bytes.count <= maxPacketSize)
                    received += depayloader.depayload(bytes[payload], marker: header.marker, sequenceNumber: header.sequenceNumber)
                }
                #expect(received == nals)
            }
            #expect(depayloader.droppedNALUnits == 0 && depayloader.malformedPayloads == 0)
        }
    }

    /// Every packet of an access unit lost in turn: what comes out is always a subset of the
    /// NAL units sent, each whole, and never a damaged one.
    @Test func lossNeverYieldsDamagedNALUnits() throws {
        var random = SeededGenerator(seed: 17)
        let nals: [[UInt8]] = [
            [0x40, 0x01] + random.bytes(20), [0x42, 0x01] + random.bytes(40), [0x44, 0x01] + random.bytes(5),
            [0x28, 0x01] + random.bytes(700), [0x02, 0x01] + random.bytes(90),
        ]
        var packetizer = H265Packetizer(ssrc: 9, initialSequenceNumber: 0, maxPacketSize: 100)
        let batch = packetizer.packetize(nalUnits: nals, timestamp: 0)
        for lost in 0..<batch.packetCount {
            var depayloader = H265Depayloader()
            var received: [[UInt8]] = []
            for index in 0..<batch.packetCount where index != lost {
                let bytes = batch.packet(at: index).octets
                let (header, payload) = try RTPHeader.parse(bytes)
                received += depayloader.depayload(bytes[payload], marker: header.marker, sequenceNumber: header.sequenceNumber)
            }
            #expect(received.allSatisfy(nals.contains))
            #expect(received.count < nals.count)
        }
    }
}
