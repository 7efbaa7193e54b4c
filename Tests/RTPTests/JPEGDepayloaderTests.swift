import JPEGSyntax
import NIOCore
import Testing
@testable import RTP

@Suite("JPEGDepayloader")
struct JPEGDepayloaderTests {
    static let frame = JPEGPacketizerTests.frame
    /// Entropy-coded data holds no 0xFF but as a stuffed 0xFF 0x00: these octets stay below 0x80.
    static let scan = (0..<2500).map { UInt8(truncatingIfNeeded: $0 * 13 + 1) & 0x7F }

    /// The packets of one frame as (payload, marker, sequence number, timestamp).
    static func packets(_ frame: JPEGFrameParameters = frame, scan: [UInt8] = scan, timestamp: UInt32 = 3000, sequence: UInt16 = 10)
        throws -> [(payload: [UInt8], marker: Bool, sequence: UInt16, timestamp: UInt32)]
    {
        var packetizer = JPEGPacketizer(ssrc: 1, initialSequenceNumber: sequence, maxPacketSize: 600)
        return try packetizer.packetize(frame, scan: scan, timestamp: timestamp).packets.map { packet in
            let bytes = packet.octets
            let (header, range) = try RTPHeader.parse(bytes)
            return (Array(bytes[range]), header.marker, header.sequenceNumber, header.timestamp)
        }
    }

    static func feed(_ packets: [(payload: [UInt8], marker: Bool, sequence: UInt16, timestamp: UInt32)], into depayloader: inout JPEGDepayloader) -> [JPEGDepayloadedFrame] {
        packets.compactMap { depayloader.depayload($0.payload, marker: $0.marker, timestamp: $0.timestamp, sequenceNumber: $0.sequence) }
    }

    @Test func roundTripRebuildsHeadersScanAndEOI() throws {
        var depayloader = JPEGDepayloader()
        let frames = Self.feed(try Self.packets(), into: &depayloader)
        try #require(frames.count == 1)
        let frame = frames[0]
        #expect(frame.parameters == Self.frame)
        #expect(frame.timestamp == 3000 && frame.q == 255)
        #expect(frame.jpeg == Self.frame.headers() + Self.scan + [0xFF, 0xD9])
        // The rebuilt JPEG parses back to the same parameters and scan.
        let parsed = try BaselineJPEG.parse(frame.jpeg)
        #expect(parsed.parameters == Self.frame)
        #expect(Array(frame.jpeg[parsed.scan]) == Self.scan)
        #expect(depayloader.droppedFrames == 0 && depayloader.malformedPayloads == 0)
    }

    @Test func restartIntervalRoundTrips() throws {
        var frame = Self.frame
        frame.restartInterval = 2
        var depayloader = JPEGDepayloader()
        let frames = Self.feed(try Self.packets(frame), into: &depayloader)
        #expect(frames.map(\.parameters) == [frame])
        #expect(try BaselineJPEG.parse(frames[0].jpeg).parameters.restartInterval == 2)
    }

    @Test func anyMissingFragmentDropsTheFrameAndTheNextOneArrives() throws {
        let first = try Self.packets(timestamp: 0, sequence: 100)
        try #require(first.count >= 4)
        for missing in first.indices {
            var lossy = first
            lossy.remove(at: missing)
            let second = try Self.packets(timestamp: 3000, sequence: UInt16(100 + first.count))
            var depayloader = JPEGDepayloader()
            let frames = Self.feed(lossy + second, into: &depayloader)
            #expect(frames.map(\.timestamp) == [3000], "fragment \(missing) lost")
            #expect(depayloader.droppedFrames == 1, "fragment \(missing) lost")
        }
    }

    @Test func lossWithoutSequenceNumbersIsFoundByOffsets() throws {
        var packets = try Self.packets()
        packets.remove(at: 1)
        var depayloader = JPEGDepayloader()
        let frames = packets.compactMap { depayloader.depayload($0.payload, marker: $0.marker, timestamp: $0.timestamp) }
        #expect(frames.isEmpty)
        #expect(depayloader.droppedFrames == 1)
    }

    @Test func reorderedFragmentsDropTheFrame() throws {
        var packets = try Self.packets()
        packets.swapAt(1, 2)
        var depayloader = JPEGDepayloader()
        #expect(Self.feed(packets, into: &depayloader).isEmpty)
    }

    @Test func headerChangingWithinAFrameDropsIt() throws {
        var packets = try Self.packets()
        packets[1].payload[6] = 9  // width
        var depayloader = JPEGDepayloader()
        #expect(Self.feed(packets, into: &depayloader).isEmpty)
        #expect(depayloader.droppedFrames == 1)
    }

    @Test func qBelow128UsesAppendixATables() throws {
        // One packet: main header with Q 50, no table header, a 3-octet scan.
        let payload = hexBytes("00 000000 01 32 02 02  AA BB CC")
        var depayloader = JPEGDepayloader()
        let output = depayloader.depayload(payload, marker: true, timestamp: 7)
        let frame = try #require(output)
        let tables = JPEGQuantizationTable.rfc2435(q: 50)
        #expect(frame.parameters.quantizationTables == [tables.luminance, tables.chrominance])
        #expect(frame.parameters.width == 16 && frame.parameters.height == 16)
        #expect(frame.jpeg.suffix(5) == [0xAA, 0xBB, 0xCC, 0xFF, 0xD9])
    }

    @Test func qOf128To254TablesAreRememberedForFramesWithout() throws {
        var inBand = try Self.packets(scan: [1, 2, 3], timestamp: 0)
        try #require(inBand.count == 1)
        inBand[0].payload[5] = 200  // Q 200: tables that may be omitted later
        let omitted = hexBytes("00 000000 01 C8 08 06  00 00 0000  04 05")
        let omittedFor255 = hexBytes("00 000000 01 FF 08 06  00 00 0000  04 05")
        var depayloader = JPEGDepayloader()
        let without255 = depayloader.depayload(omittedFor255, marker: true, timestamp: 1)
        let withoutTables = depayloader.depayload(omitted, marker: true, timestamp: 2)
        let withTables = depayloader.depayload(inBand[0].payload, marker: true, timestamp: 3)
        let output = depayloader.depayload(omitted, marker: true, timestamp: 4)
        #expect(without255 == nil, "Q 255 must carry its tables")
        #expect(withoutTables == nil, "no tables of Q 200 yet")
        #expect(withTables != nil)
        let later = try #require(output)
        #expect(later.parameters.quantizationTables == Self.frame.quantizationTables)
    }

    @Test func malformedAndUnknownPayloadsAreCountedNotFatal() {
        var depayloader = JPEGDepayloader()
        for payload in [hexBytes(""), hexBytes("00 0000"), hexBytes("00 000000 02 32 02 02"), hexBytes("00 000000 01 64 02 02"),
                        hexBytes("00 000000 01 32 00 02"), hexBytes("00 000000 41 32 02 02 00")] {
            let output = depayloader.depayload(payload, marker: true, timestamp: 0)
            #expect(output == nil)
        }
        #expect(depayloader.malformedPayloads == 6)
    }

    @Test func oversizedFramesAreDropped() throws {
        var depayloader = JPEGDepayloader()
        let chunk = Array(repeating: UInt8(0x11), count: 60_000)
        var offset = 0
        var sequence: UInt16 = 0
        var tablesHeader: [UInt8] = []
        JPEGQuantizationHeader(tables: Self.frame.quantizationTables).write(into: &tablesHeader)
        while offset <= JPEGDepayloader.maxScanSize {
            var payload: [UInt8] = []
            JPEGMainHeader(fragmentOffset: UInt32(offset), type: 1, q: 255, width: 8, height: 6).write(into: &payload)
            if offset == 0 { payload += tablesHeader }
            payload += chunk
            let output = depayloader.depayload(payload, marker: false, timestamp: 0, sequenceNumber: sequence)
            #expect(output == nil)
            offset += chunk.count
            sequence &+= 1
        }
        #expect(depayloader.droppedFrames == 1)
    }
}
