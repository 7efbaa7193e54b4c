import Testing
@testable import RTP

/// Access units from RTP payload byte vectors (RFC 6184 §5.1, §5.6-5.8), with loss.
@Suite struct H264AccessUnitAssemblerTests {
    /// One packet: payload, timestamp, sequence number, marker.
    typealias Packet = (payload: String, timestamp: UInt32, sequence: UInt16, marker: Bool)

    static func run(_ packets: [Packet]) -> (units: [H264AccessUnit], assembler: H264AccessUnitAssembler) {
        var assembler = H264AccessUnitAssembler()
        var units: [H264AccessUnit] = []
        for packet in packets {
            units += assembler.push(hexBytes(packet.payload), timestamp: packet.timestamp,
                                    sequenceNumber: packet.sequence, marker: packet.marker)
        }
        return (units, assembler)
    }

    /// An IDR access unit: SPS and PPS in a STAP-A, the slice in three FU-A fragments; then a
    /// P slice as a single NAL unit packet.
    static let gop: [Packet] = [
        ("78 0004 6742001F 0004 68CE3C80", 3000, 10, false),
        ("7C 85 0102", 3000, 11, false),
        ("7C 05 03", 3000, 12, false),
        ("7C 45 0405", 3000, 13, true),
        ("41 AABB", 6000, 14, true),
    ]

    @Test func completeUnits() {
        let (units, assembler) = Self.run(Self.gop)
        #expect(units == [
            H264AccessUnit(timestamp: 3000, nalUnits: [hexBytes("67 42001F"), hexBytes("68 CE3C80"), hexBytes("65 0102030405")],
                           firstSequenceNumber: 10, lastSequenceNumber: 13),
            H264AccessUnit(timestamp: 6000, nalUnits: [hexBytes("41 AABB")], firstSequenceNumber: 14, lastSequenceNumber: 14),
        ])
        #expect(units[0].isIDR && !units[1].isIDR)
        #expect(units[0].sequenceParameterSet == hexBytes("67 42001F"))
        #expect(units[0].annexB == hexBytes("00000001 6742001F 00000001 68CE3C80 00000001 650102030405"))
        #expect(assembler.lossyAccessUnits == 0 && assembler.sequenceGaps == 0)
    }

    /// A lost middle fragment drops the slice it belonged to and marks the unit lossy; the
    /// next unit is whole.
    @Test func lostFragmentDropsTheNALUnit() {
        var packets = Self.gop
        packets.remove(at: 2)
        let (units, assembler) = Self.run(packets)
        #expect(units.count == 2)
        #expect(units[0].nalUnits == [hexBytes("67 42001F"), hexBytes("68 CE3C80")])
        #expect(units[0].isLossy && !units[0].isIDR)
        #expect(units[1].isComplete)
        #expect(assembler.droppedNALUnits == 1 && assembler.sequenceGaps == 1 && assembler.lossyAccessUnits == 1)
    }

    /// A lost marker packet: the new timestamp ends the unit, which is lossy; the gap also
    /// marks the next unit, whose start may have gone too.
    @Test func lostMarkerPacket() {
        let packets: [Packet] = [
            ("41 01", 3000, 1, false),
            // 2 (the marker packet of 3000) is lost.
            ("41 02", 6000, 3, true),
            ("41 03", 9000, 4, true),
        ]
        let units = Self.run(packets).units
        #expect(units.map(\.timestamp) == [3000, 6000, 9000])
        #expect(units.map(\.isLossy) == [true, true, false])
        #expect(units.map(\.endedByMarker) == [false, true, true])
    }

    /// A gap right after a clean marker: only the next unit is lossy.
    @Test func gapBetweenUnits() {
        let units = Self.run([("41 01", 3000, 1, true), ("41 02", 6000, 3, true)]).units
        #expect(units.map(\.isLossy) == [false, true])
    }

    /// A unit without a marker at all is ended by the next timestamp (some servers never set it).
    @Test func timestampChangeEndsUnit() {
        let units = Self.run([("41 01", 3000, 1, false), ("41 02", 3000, 2, false), ("41 03", 6000, 3, false)]).units
        #expect(units == [H264AccessUnit(timestamp: 3000, nalUnits: [hexBytes("41 01"), hexBytes("41 02")],
                                         endedByMarker: false, firstSequenceNumber: 1, lastSequenceNumber: 2)])
    }

    /// Duplicates and late packets are ignored, not taken as loss; sequence numbers wrap.
    @Test func duplicatesReorderingAndWrap() {
        let units = Self.run([
            ("41 01", 3000, 65534, false), ("41 01", 3000, 65534, false), ("41 02", 3000, 65535, false),
            ("41 03", 3000, 0, true), ("41 09", 3000, 65535, false), ("41 04", 6000, 1, true),
        ]).units
        #expect(units.count == 2)
        #expect(units[0].nalUnits == [hexBytes("41 01"), hexBytes("41 02"), hexBytes("41 03")])
        #expect(units.allSatisfy { $0.isComplete })
    }

    /// A fragmented NAL unit cut short by the timestamp change is dropped and its unit lossy.
    @Test func fragmentCutByTimestampChange() {
        let units = Self.run([("7C 85 01", 3000, 1, false), ("41 02", 6000, 2, true)]).units
        #expect(units.count == 2)
        #expect(units[0].nalUnits.isEmpty && units[0].isLossy)
        #expect(units[1].isComplete)
    }

    @Test func malformedPayloadMarksLossy() {
        let units = Self.run([("78 0009 67", 3000, 1, false), ("41 02", 3000, 2, true)]).units
        #expect(units == [H264AccessUnit(timestamp: 3000, nalUnits: [hexBytes("41 02")], isLossy: true,
                                         firstSequenceNumber: 1, lastSequenceNumber: 2)])
    }

    @Test func flushEmitsTheOpenUnit() {
        var assembler = H264AccessUnitAssembler()
        #expect(assembler.push(hexBytes("41 01"), timestamp: 1, sequenceNumber: 1, marker: false).isEmpty)
        #expect(assembler.flush()?.nalUnits == [hexBytes("41 01")])
        #expect(assembler.flush() == nil)
    }
}
