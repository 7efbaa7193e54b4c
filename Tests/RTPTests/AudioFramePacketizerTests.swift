import NIOCore
import Testing
@testable import RTP

@Suite("AudioFramePacketizer and audio payload formats")
struct AudioFramePacketizerTests {
    static func packetize(_ packetizer: inout AudioFramePacketizer, _ parts: [[UInt8]], timestamp: UInt32) -> RTPPacketBatch {
        let joined = parts.flatMap { $0 }
        return joined.withUnsafeBytes { all in
            var offset = 0
            var views: [UnsafeRawBufferPointer] = []
            for part in parts {
                views.append(UnsafeRawBufferPointer(rebasing: all[offset..<(offset + part.count)]))
                offset += part.count
            }
            return packetizer.packetize(units: views, timestamp: timestamp)
        }
    }

    @Test func oneUnitIsOnePacketWithTheMarkerOnTheFirstOnly() {
        var packetizer = AudioFramePacketizer(ssrc: 0x1122_3344, initialSequenceNumber: 0xFFFF, payloadType: 0)
        let first = Self.packetize(&packetizer, [[0xFF, 0x7F], [0x00]], timestamp: 0x0A0B_0C0D)
        // RFC 3550 §5.1 header: V=2, M=1 (first packet of the talkspurt, RFC 3551 §4.1), PT 0.
        #expect(first.bytes.octets == hexBytes("80 80 FFFF 0A0B0C0D 11223344  FF7F00"))
        #expect(first.packetCount == 1)
        #expect(first.payloadOctets == 3)
        #expect(first.containsIDR, "every audio unit is a random-access point")
        let second = Self.packetize(&packetizer, [[0x55]], timestamp: 0x0A0B_0C0D &+ 160)
        #expect(second.bytes.octets == hexBytes("80 00 0000 0A0B0CAD 11223344  55"))
        #expect(second.firstSequenceNumber == 0)
    }

    @Test func aContinuingPacketizerKeepsTheNumberingAndTheMarkerState() {
        var packetizer = AudioFramePacketizer(ssrc: 7, initialSequenceNumber: 10, payloadType: 8)
        _ = Self.packetize(&packetizer, [[1]], timestamp: 0)
        var next = packetizer.continuing()
        let batch = Self.packetize(&next, [[2]], timestamp: 160)
        #expect(batch.firstSequenceNumber == 11)
        #expect(batch.bytes.octets.prefix(2) == [0x80, 0x08], "no marker after the first packet")
    }

    @Test func aUnitLargerThanThePacketIsCutToFit() {
        var packetizer = AudioFramePacketizer(ssrc: 7, initialSequenceNumber: 0, payloadType: 0, maxPacketSize: 16)
        let batch = Self.packetize(&packetizer, [Array(repeating: 0xAB, count: 10)], timestamp: 0)
        #expect(batch.payloadOctets == 4)
        #expect(batch.bytes.readableBytes == 16)
    }

    @Test func rtpMapNamesEncodingRateAndChannelsAboveOne() {
        #expect(RTPPayloadFormat.pcmu.rtpMap == "0 PCMU/8000")
        #expect(RTPPayloadFormat.pcma.rtpMap == "8 PCMA/8000")
        #expect(RTPPayloadFormat.h264.rtpMap == "96 H264/90000")
        let stereo = RTPPayloadFormat(payloadType: 97, clockRate: 48000, encodingName: "MPEG4-GENERIC", mediaType: .audio, channels: 2)
        #expect(stereo.rtpMap == "97 MPEG4-GENERIC/48000/2")
        #expect(RTPPayloadFormat.pcmu.mediaType == .audio && RTPPayloadFormat.h264.mediaType == .video)
    }

    @Test func h264PacketizerThroughTheProtocolMatchesTheDirectCall() {
        var direct = H264Packetizer(ssrc: 1, initialSequenceNumber: 5)
        var erased: any RTPPacketizer = H264Packetizer(ssrc: 1, initialSequenceNumber: 5)
        let idr: [UInt8] = [0x65, 1, 2, 3]
        let expected = direct.packetize(nalUnits: [idr], timestamp: 9)
        let batch = idr.withUnsafeBytes { erased.packetize(units: [$0], timestamp: 9) }
        #expect(batch.bytes.octets == expected.bytes.octets)
        #expect(batch.containsIDR)
        #expect(erased.continuing().nextSequenceNumber == 6)
    }
}
