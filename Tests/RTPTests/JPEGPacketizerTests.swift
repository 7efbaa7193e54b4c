import JPEGSyntax
import NIOCore
import Testing
@testable import RTP

@Suite("JPEGPacketizer")
struct JPEGPacketizerTests {
    static let luma = JPEGQuantizationTable(octets: Array(repeating: 2, count: 64))
    static let chroma = JPEGQuantizationTable(octets: Array(repeating: 3, count: 64))
    static let frame = JPEGFrameParameters(width: 64, height: 48, sampling: .yuv420, quantizationTables: [luma, chroma])

    /// The smallest packets the packetizer makes: a 273-octet payload budget.
    static func packetizer() -> JPEGPacketizer {
        JPEGPacketizer(ssrc: 0x1122_3344, initialSequenceNumber: 0xFFFF, maxPacketSize: JPEGPacketizer.minimumMaxPacketSize)
    }

    @Test func smallFrameExactBytes() throws {
        var packetizer = Self.packetizer()
        let scan: [UInt8] = [0x12, 0xFF, 0x00, 0x34]
        let batch = try packetizer.packetize(Self.frame, scan: scan, timestamp: 0x0A0B_0C0D)
        let expected = hexBytes("80 9A FFFF 0A0B0C0D 11223344  00 000000 01 FF 08 06  00 00 0080")
            + Array(repeating: 2, count: 64) + Array(repeating: 3, count: 64) + scan
        #expect(batch.bytes.octets == expected)
        #expect(batch.packetCount == 1)
        #expect(batch.containsIDR, "every JPEG frame is a random-access point")
        #expect(batch.payloadOctets == 8 + 4 + 128 + 4)
        #expect(packetizer.nextSequenceNumber == 0)
    }

    @Test func largeFrameSplitsWithOffsetsAndOneMarker() throws {
        var packetizer = Self.packetizer()
        let budget = packetizer.payloadBudget
        let scan = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let batch = try packetizer.packetize(Self.frame, scan: scan, timestamp: 90)
        var reassembled: [UInt8] = []
        for (index, packet) in batch.packets.enumerated() {
            let bytes = packet.octets
            #expect(bytes.count <= packetizer.maxPacketSize)
            let (header, payloadRange) = try RTPHeader.parse(bytes)
            #expect(header.marker == (index == batch.packetCount - 1))
            #expect(header.payloadType == 26)
            let payload = Array(bytes[payloadRange])
            let main = try JPEGMainHeader.parse(payload)
            #expect(Int(main.fragmentOffset) == reassembled.count)
            #expect(main.type == 1 && main.q == 255 && main.width == 8 && main.height == 6)
            let dataStart = index == 0 ? 8 + 4 + 128 : 8
            reassembled += payload[dataStart...]
            // Every packet but the last fills the budget.
            if index < batch.packetCount - 1 { #expect(payload.count == budget) }
        }
        #expect(reassembled == scan)
    }

    @Test func restartIntervalMakesType65WithRestartHeaderInEveryPacket() throws {
        var packetizer = Self.packetizer()
        var frame = Self.frame
        frame.restartInterval = 4
        let batch = try packetizer.packetize(frame, scan: Array(repeating: 0x55, count: 1000), timestamp: 0)
        #expect(batch.packetCount > 1)
        for packet in batch.packets {
            let bytes = packet.octets
            #expect(bytes[12 + 4] == 65)
            #expect(Array(bytes[(12 + 8)..<(12 + 12)]) == hexBytes("0004 FFFF"))
        }
    }

    @Test func uncarriableFramesAreRefused() {
        var packetizer = Self.packetizer()
        for (width, height) in [(60, 48), (64, 0), (2048, 48), (64, 2041)] {
            var frame = Self.frame
            frame.width = width
            frame.height = height
            #expect(throws: JPEGPayloadError.sizeNotCarriable(width: width, height: height)) {
                try packetizer.packetize(frame, scan: [1], timestamp: 0)
            }
        }
        var oneTable = Self.frame
        oneTable.quantizationTables = [Self.luma]
        #expect(throws: JPEGPayloadError.tableCountNotTwo(1)) { try packetizer.packetize(oneTable, scan: [1], timestamp: 0) }
        var largest = Self.frame
        largest.width = 2040
        largest.height = 2040
        #expect(throws: Never.self) { try packetizer.packetize(largest, scan: [1], timestamp: 0) }
    }

    @Test func planCutsAtEveryScanSizeAroundTheBudget() {
        let budget = JPEGPayloader.minimumBudget(headerSize: 8, tablesSize: 132) + 10
        for scanSize in [0, 1, budget - 150, budget - 141, budget - 140, budget - 139, 2 * budget, 5 * budget - 7] {
            let layouts = JPEGPayloader.plan(scanSize: scanSize, headerSize: 8, tablesSize: 132, budget: budget)
            #expect(layouts.first?.scan.lowerBound == 0)
            #expect(layouts.last?.scan.upperBound == scanSize)
            #expect(zip(layouts, layouts.dropFirst()).allSatisfy { $0.scan.upperBound == $1.scan.lowerBound })
            #expect(layouts.allSatisfy { $0.size <= budget })
            #expect(layouts.enumerated().allSatisfy { $0.element.carriesTables == ($0.offset == 0) })
            #expect(layouts.dropLast().allSatisfy { $0.size == budget }, "scan size \(scanSize)")
            #expect(scanSize == 0 || layouts.allSatisfy { !$0.scan.isEmpty })
        }
    }
}
