import Testing
@testable import RTP

@Suite("H264Packetizer")
struct H264PacketizerTests {
    static let sps = hexBytes("67 42001F")
    static let pps = hexBytes("68 CE3C80")
    static let aud = hexBytes("09 F0")
    /// An IDR slice of 30 octets: header 0x65 then 0, 1, ..., 28.
    static let idr: [UInt8] = [0x65] + (0..<29).map { UInt8($0) }

    /// Budget 20: maxPacketSize 32.
    static func packetizer(sequence: UInt16 = 0x0102) -> H264Packetizer {
        H264Packetizer(ssrc: 0x1122_3344, initialSequenceNumber: sequence, payloadType: 96, maxPacketSize: 32)
    }

    @Test func stapAOfSPSAndPPSExactBytes() {
        var packetizer = Self.packetizer()
        let batch = packetizer.packetize(nalUnits: [Self.sps, Self.pps], timestamp: 0x0A0B_0C0D)
        #expect(batch.packetCount == 1)
        #expect(batch.bytes.octets == hexBytes("80 E0 0102 0A0B0C0D 11223344  78 0004 6742001F 0004 68CE3C80"))
        #expect(batch.packetRanges == [0..<25])
        #expect(batch.payloadOctets == 13)
        #expect(!batch.containsIDR)
    }

    @Test func wholeAccessUnitExactBytes() {
        var packetizer = Self.packetizer()
        let batch = packetizer.packetize(nalUnits: [Self.aud, Self.sps, Self.pps, Self.idr], timestamp: 0x0A0B_0C0D)
        let stapA = hexBytes("80 60 0102 0A0B0C0D 11223344  78 0004 6742001F 0004 68CE3C80")
        // 29 octets after the IDR header: 18 in the first fragment, 11 in the second.
        let fuStart = hexBytes("80 60 0103 0A0B0C0D 11223344  7C 85") + (0..<18).map { UInt8($0) }
        let fuEnd = hexBytes("80 E0 0104 0A0B0C0D 11223344  7C 45") + (18..<29).map { UInt8($0) }
        #expect(batch.bytes.octets == stapA + fuStart + fuEnd)
        #expect(batch.packetRanges == [0..<25, 25..<57, 57..<82])
        #expect(batch.firstSequenceNumber == 0x0102)
        #expect(batch.timestamp == 0x0A0B_0C0D)
        #expect(batch.containsIDR)
        #expect(batch.payloadOctets == 13 + 20 + 13)
        #expect(packetizer.nextSequenceNumber == 0x0105)
        #expect(batch.packet(at: 1).octets == fuStart)
        #expect(batch.sequenceNumber(at: 2) == 0x0104)
    }

    @Test func nalExactlyAtBudgetIsOnePacket() {
        var packetizer = Self.packetizer()
        let nal: [UInt8] = [0x41] + Array(repeating: 0xAB, count: 19)
        let batch = packetizer.packetize(nalUnits: [nal], timestamp: 1)
        #expect(batch.packetCount == 1)
        #expect(batch.bytes.octets == hexBytes("80 E0 0102 00000001 11223344") + nal)
    }

    @Test func oneOctetOverBudgetIsTwoFragments() {
        var packetizer = Self.packetizer()
        let nal: [UInt8] = [0x41] + (1...20).map { UInt8($0) }
        let batch = packetizer.packetize(nalUnits: [nal], timestamp: 1)
        #expect(batch.packetRanges.map(\.count) == [32, 16])
        #expect(batch.packet(at: 0).octets == hexBytes("80 60 0102 00000001 11223344 5C 81") + (1...18).map { UInt8($0) })
        #expect(batch.packet(at: 1).octets == hexBytes("80 E0 0103 00000001 11223344 5C 41 13 14"))
    }

    @Test func stapAFlagsAreOrAndMax() {
        var packetizer = Self.packetizer()
        // SEI with NRI 0, SPS with NRI 1, PPS with F set and NRI 1.
        let batch = packetizer.packetize(nalUnits: [[0x06, 0x01], [0x27, 0x02], [0xA8, 0x03]], timestamp: 0)
        #expect(batch.bytes.octets[12] == 0xB8)
    }

    @Test func markerOnlyOnLastPacket() throws {
        var packetizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 0, maxPacketSize: 100)
        let batch = packetizer.packetize(nalUnits: [Self.sps, Self.pps, Array(repeating: 0x65, count: 1000), [0x41, 0x00]], timestamp: 0)
        #expect(batch.packetCount > 3)
        for index in 0..<batch.packetCount {
            let (header, _) = try RTPHeader.parse(batch.packet(at: index).readableBytesView)
            #expect(header.marker == (index == batch.packetCount - 1))
            #expect(header.sequenceNumber == UInt16(index))
            #expect(batch.packetRanges[index].count <= 100)
        }
    }

    @Test func sequenceNumbersWrap() throws {
        var packetizer = Self.packetizer(sequence: 65535)
        let batch = packetizer.packetize(nalUnits: [Array(repeating: 0x65, count: 50)], timestamp: 0)
        let sequences = try (0..<batch.packetCount).map { try RTPHeader.parse(batch.packet(at: $0).readableBytesView).header.sequenceNumber }
        #expect(sequences == [65535, 0, 1])
        #expect(batch.firstSequenceNumber == 65535)
        #expect(packetizer.nextSequenceNumber == 2)
    }

    @Test func emptyAccessUnitLeavesSequenceAlone() {
        var packetizer = Self.packetizer()
        let batch = packetizer.packetize(nalUnits: [Self.aud, [0x0C, 0xFF, 0xFF]], timestamp: 5)
        #expect(batch.packetCount == 0)
        #expect(batch.bytes.readableBytes == 0)
        #expect(batch.payloadOctets == 0)
        #expect(batch.firstSequenceNumber == 0x0102)
        #expect(packetizer.nextSequenceNumber == 0x0102)
        #expect(packetizer.packetize(nalUnits: [[UInt8]](), timestamp: 6).packetCount == 0)
    }

    @Test func rawBufferAndArrayInputsAgree() {
        let nals = [Self.aud, Self.sps, Self.pps, Self.idr, [0x41] + Array(repeating: 7, count: 60)]
        var viaArrays = Self.packetizer()
        var viaBuffers = Self.packetizer()
        let expected = viaArrays.packetize(nalUnits: nals, timestamp: 9)
        let storage = nals.flatMap { $0 }
        let actual = storage.withUnsafeBytes { all in
            var offset = 0
            let buffers = nals.map { nal in
                defer { offset += nal.count }
                return UnsafeRawBufferPointer(rebasing: all[offset..<(offset + nal.count)])
            }
            return viaBuffers.packetize(nalUnits: buffers, timestamp: 9)
        }
        #expect(actual.bytes.octets == expected.bytes.octets)
        #expect(actual.packetRanges == expected.packetRanges)
        #expect(viaBuffers.nextSequenceNumber == viaArrays.nextSequenceNumber)
    }

    @Test func settersApplyToNextBatch() {
        var packetizer = Self.packetizer()
        packetizer.ssrc = 0xCAFE_BABE
        packetizer.payloadType = 97
        let batch = packetizer.packetize(nalUnits: [[0x41, 0x00]], timestamp: 0)
        #expect(Array(batch.bytes.octets[0..<12]) == hexBytes("80 E1 0102 00000000 CAFEBABE"))
    }

    @Test func tinyMaxPacketSizeIsRaised() {
        let packetizer = H264Packetizer(ssrc: 0, initialSequenceNumber: 0, maxPacketSize: 0)
        #expect(packetizer.maxPacketSize == H264Packetizer.minimumMaxPacketSize)
        #expect(packetizer.payloadBudget == 3)
    }
}
