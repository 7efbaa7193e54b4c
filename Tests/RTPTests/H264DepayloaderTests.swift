import Randomness
import Testing
@testable import RTP

@Suite("H264Depayloader")
struct H264DepayloaderTests {
    @Test func passesSingleNALUnit() {
        var depayloader = H264Depayloader()
        #expect(depayloader.depayload(hexBytes("41 AABB"), marker: true) == [hexBytes("41 AABB")])
    }

    @Test func splitsStapA() {
        var depayloader = H264Depayloader()
        let nals = depayloader.depayload(hexBytes("78 0004 6742001F 0004 68CE3C80"), marker: false)
        #expect(nals == [hexBytes("67 42001F"), hexBytes("68 CE3C80")])
    }

    @Test func reassemblesFUA() {
        var depayloader = H264Depayloader()
        #expect(depayloader.depayload(hexBytes("7C 85 0102"), marker: false, sequenceNumber: 10).isEmpty)
        #expect(depayloader.depayload(hexBytes("7C 05 03"), marker: false, sequenceNumber: 11).isEmpty)
        #expect(depayloader.depayload(hexBytes("7C 45 0405"), marker: true, sequenceNumber: 12) == [hexBytes("65 0102030405")])
        #expect(depayloader.droppedNALUnits == 0)
    }

    @Test func dropsFUAWithoutStart() {
        var depayloader = H264Depayloader()
        #expect(depayloader.depayload(hexBytes("7C 05 03"), marker: false).isEmpty)
        #expect(depayloader.depayload(hexBytes("7C 45 04"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
        // The next NAL unit is unaffected.
        #expect(depayloader.depayload(hexBytes("7C 81 01"), marker: false).isEmpty)
        #expect(depayloader.depayload(hexBytes("7C 41 02"), marker: true) == [hexBytes("61 0102")])
    }

    @Test func dropsFUAOnSequenceGap() {
        var depayloader = H264Depayloader()
        _ = depayloader.depayload(hexBytes("7C 85 01"), marker: false, sequenceNumber: 65535)
        _ = depayloader.depayload(hexBytes("7C 05 02"), marker: false, sequenceNumber: 0)
        // 1 is lost.
        #expect(depayloader.depayload(hexBytes("7C 45 04"), marker: false, sequenceNumber: 2).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
        #expect(depayloader.depayload(hexBytes("41 00"), marker: true, sequenceNumber: 3) == [hexBytes("41 00")])
    }

    @Test func dropsFUAInterruptedByAnotherPacket() {
        var depayloader = H264Depayloader()
        _ = depayloader.depayload(hexBytes("7C 85 01"), marker: false)
        #expect(depayloader.depayload(hexBytes("41 00"), marker: false) == [hexBytes("41 00")])
        #expect(depayloader.depayload(hexBytes("7C 45 02"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
    }

    @Test func dropsFUAWhenAccessUnitEndsFirst() {
        var depayloader = H264Depayloader()
        #expect(depayloader.depayload(hexBytes("7C 85 01"), marker: true).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
        #expect(depayloader.depayload(hexBytes("7C 45 02"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 2)
    }

    @Test func dropsFUAWhoseTypeChanges() {
        var depayloader = H264Depayloader()
        _ = depayloader.depayload(hexBytes("7C 85 01"), marker: false)
        #expect(depayloader.depayload(hexBytes("7C 41 02"), marker: false).isEmpty)
        #expect(depayloader.droppedNALUnits == 1)
    }

    @Test func rejectsMalformedPayloads() {
        var depayloader = H264Depayloader()
        #expect(depayloader.depayload([UInt8](), marker: false).isEmpty)  // empty
        #expect(depayloader.depayload(hexBytes("78 0005 6742"), marker: false).isEmpty)  // size past end
        #expect(depayloader.depayload(hexBytes("78 0002 6742 00"), marker: false).isEmpty)  // dangling size octet
        #expect(depayloader.depayload(hexBytes("78 0000"), marker: false).isEmpty)  // zero size
        #expect(depayloader.depayload(hexBytes("78"), marker: false).isEmpty)  // no units
        #expect(depayloader.depayload(hexBytes("7C"), marker: false).isEmpty)  // FU-A without FU header
        #expect(depayloader.depayload(hexBytes("7C C5 01"), marker: false).isEmpty)  // S and E both set
        #expect(depayloader.depayload(hexBytes("79 0002 4100"), marker: false).isEmpty)  // STAP-B
        #expect(depayloader.depayload(hexBytes("00 00"), marker: false).isEmpty)  // type 0
        #expect(depayloader.malformedPayloads == 9)
    }

    @Test func neverTrapsOnRandomInput() {
        var random = SeededGenerator(seed: 3)
        var depayloader = H264Depayloader()
        for _ in 0..<5_000 {
            var payload = random.bytes(Int.random(in: 0...40, using: &random))
            if !payload.isEmpty && Bool.random(using: &random) { payload[0] = payload[0] & 0xE0 | [24, 28].randomElement(using: &random)! }
            _ = depayloader.depayload(payload, marker: Bool.random(using: &random), sequenceNumber: UInt16.random(in: 0...3, using: &random))
        }
    }

    /// A random access unit: leading parameter sets sometimes, then slices; no AUD or filler.
    static func randomAccessUnit(_ random: inout SeededGenerator) -> [[UInt8]] {
        var nals: [[UInt8]] = []
        if Bool.random(using: &random) {
            for type: UInt8 in [7, 8, 6] where Bool.random(using: &random) {
                nals.append([0x60 | type] + random.bytes(Int.random(in: 0...80, using: &random)))
            }
        }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let header = UInt8.random(in: 0...3, using: &random) << 5 | [1, 5].randomElement(using: &random)!
            let size = [Int.random(in: 0...50, using: &random), Int.random(in: 0...6000, using: &random)].randomElement(using: &random)!
            nals.append([header] + random.bytes(size))
        }
        return nals
    }

    @Test func roundTripsRandomAccessUnits() throws {
        var random = SeededGenerator(seed: 0x5EED)
        var packetizer = H264Packetizer(ssrc: 0xABCD, initialSequenceNumber: 65000, maxPacketSize: Int.random(in: 100...1500, using: &random))
        var depayloader = H264Depayloader()
        for frame in 0..<300 {
            let accessUnit = Self.randomAccessUnit(&random)
            let batch = packetizer.packetize(nalUnits: accessUnit, timestamp: UInt32(frame) * 3000)
            var received: [[UInt8]] = []
            for index in 0..<batch.packetCount {
                let packet = batch.packet(at: index).octets
                #expect(packet.count <= packetizer.maxPacketSize)
                let (header, range) = try RTPHeader.parse(packet)
                #expect(header.timestamp == UInt32(frame) * 3000)
                received += depayloader.depayload(Array(packet)[range], marker: header.marker, sequenceNumber: header.sequenceNumber)
            }
            #expect(received == accessUnit)
        }
        #expect(depayloader.droppedNALUnits == 0)
        #expect(depayloader.malformedPayloads == 0)
    }

    @Test func lostFragmentLosesOnlyItsNAL() throws {
        var packetizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 0, maxPacketSize: 200)
        let big: [UInt8] = [0x65] + Array(repeating: 0x11, count: 1000)
        let small: [UInt8] = [0x41, 0x22, 0x33]
        let batch = packetizer.packetize(nalUnits: [hexBytes("67 42001F"), hexBytes("68 CE3C80"), big, small], timestamp: 0)
        var depayloader = H264Depayloader()
        var received: [[UInt8]] = []
        for index in 0..<batch.packetCount where index != 3 {  // a middle fragment of `big`
            let (header, range) = try RTPHeader.parse(batch.packet(at: index).octets)
            received += depayloader.depayload(batch.packet(at: index).octets[range], marker: header.marker, sequenceNumber: header.sequenceNumber)
        }
        #expect(received == [hexBytes("67 42001F"), hexBytes("68 CE3C80"), small])
        #expect(depayloader.droppedNALUnits == 1)
    }
}
