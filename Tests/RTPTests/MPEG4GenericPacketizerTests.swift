import NIOCore
import Randomness
import Testing
@testable import RTP

/// RFC 3640 AAC-hbr packets: the plan, the exact bytes of a packet, fragmentation at every
/// budget, and depayloading back to the same units.
@Suite struct MPEG4GenericPacketizerTests {
    @Test func planFitsOrFragments() {
        #expect(MPEG4GenericPayloader.plan(accessUnitSize: 300, budget: 1388)
            == [MPEG4GenericPayloadLayout(bytes: 0..<300, isLast: true, size: 304)])
        let pieces = MPEG4GenericPayloader.plan(accessUnitSize: 300, budget: 104)
        #expect(pieces.map(\.bytes) == [0..<100, 100..<200, 200..<300])
        #expect(pieces.map(\.isLast) == [false, false, true])
        #expect(pieces.allSatisfy { $0.size <= 104 })
        #expect(MPEG4GenericPayloader.plan(accessUnitSize: 0, budget: 1388).isEmpty)
        #expect(MPEG4GenericPayloader.plan(accessUnitSize: 8192, budget: 9000).isEmpty)  // beyond 13 bits
    }

    @Test func writesOnePacketPerUnit() {
        var packetizer = MPEG4GenericPacketizer(ssrc: 0x1122_3344, initialSequenceNumber: 0xFFFF, payloadType: 97)
        let unit: [UInt8] = [0x21, 0x10, 0x04, 0x60]
        let batch = unit.withUnsafeBytes { packetizer.packetize(accessUnit: $0, timestamp: 0x0000_0400) }
        #expect(batch.packetCount == 1)
        // V=2, M=1 PT=97, seq FFFF, ts 1024, SSRC; AU-headers-length 16, size 4 index 0; the unit.
        #expect(batch.packet(at: 0).octets == hexBytes("80E1 FFFF 00000400 11223344 0010 0020 21100460"))
        #expect(batch.payloadOctets == 8)
        #expect(packetizer.nextSequenceNumber == 0)
    }

    /// A unit cut at every budget from the smallest up reassembles to itself; every fragment
    /// announces the whole unit's size and only the last carries the marker.
    @Test func fragmentsAtEveryBudgetReassemble() throws {
        var random = SeededGenerator(seed: 1024)
        let unit = random.bytes(257)
        for packetSize in (RTPHeader.fixedSize + 5)...(RTPHeader.fixedSize + 4 + 257) {
            var packetizer = MPEG4GenericPacketizer(ssrc: 1, initialSequenceNumber: 7, payloadType: 97, maxPacketSize: packetSize)
            let batch = unit.withUnsafeBytes { packetizer.packetize(accessUnit: $0, timestamp: 90) }
            var depayloader = MPEG4GenericDepayloader()
            var out: [MPEG4GenericDepayloader.AccessUnit] = []
            for (index, packet) in batch.packets.enumerated() {
                let bytes = packet.octets
                #expect(bytes.count <= packetSize)
                let (header, payload) = try RTPHeader.parse(bytes)
                #expect(header.marker == (index == batch.packetCount - 1))
                #expect(Array(bytes[payload][payload.lowerBound..<(payload.lowerBound + 4)]) == hexBytes("0010 0808"))
                out += try depayloader.push(payload: bytes[payload], timestamp: header.timestamp, marker: header.marker)
            }
            #expect(out == [MPEG4GenericDepayloader.AccessUnit(bytes: unit, timestamp: 90)], "packet size \(packetSize)")
        }
    }

    @Test func depayloadsSeveralUnitsOfOnePayload() throws {
        var depayloader = MPEG4GenericDepayloader()
        let payload = hexBytes("0020 0010 0018") + [1, 2] + [3, 4, 5]
        let units = try depayloader.push(payload: payload, timestamp: 0xFFFF_FF00, marker: true)
        #expect(units == [
            .init(bytes: [1, 2], timestamp: 0xFFFF_FF00),
            .init(bytes: [3, 4, 5], timestamp: 0x0000_0300),  // + 1024, wrapped
        ])
    }

    @Test func refusesInconsistentPayloads() {
        var depayloader = MPEG4GenericDepayloader()
        // Two headers announcing 5 octets over 4.
        #expect(throws: MPEG4GenericParseError.sizeMismatch(declared: 5, available: 4)) {
            try depayloader.push(payload: hexBytes("0020 0010 0018 01020304"), timestamp: 0, marker: true)
        }
        // Interleaving: AU-index 1.
        #expect(throws: MPEG4GenericParseError.interleaved(index: 1)) {
            try depayloader.push(payload: hexBytes("0010 0011 0102"), timestamp: 0, marker: true)
        }
        // The last fragment (marker) arriving while the unit is still short.
        #expect(throws: MPEG4GenericParseError.sizeMismatch(declared: 10, available: 2)) {
            try depayloader.push(payload: hexBytes("0010 0050 0102"), timestamp: 0, marker: true)
        }
    }

    /// A fragmented unit whose last fragment is lost is dropped when the next unit begins.
    @Test func dropsAnIncompleteUnitWhenTheNextBegins() throws {
        var depayloader = MPEG4GenericDepayloader()
        #expect(try depayloader.push(payload: hexBytes("0010 0050 0102"), timestamp: 0, marker: false).isEmpty)
        let next = try depayloader.push(payload: hexBytes("0010 0010 0A0B"), timestamp: 1024, marker: true)
        #expect(next == [.init(bytes: [0x0A, 0x0B], timestamp: 1024)])
    }
}
