import RTP
import Testing
@testable import Backchannel

@Suite struct BackchannelReceptionTests {
    static func packet(sequence: UInt16, payloadType: UInt8 = 0, payload: [UInt8] = Array(repeating: 0xFF, count: 160)) -> [UInt8] {
        var bytes: [UInt8] = []
        RTPHeader(marker: false, payloadType: payloadType, sequenceNumber: sequence, timestamp: UInt32(sequence) &* 160,
                  ssrc: 0xABCD).write(into: &bytes)
        return bytes + payload
    }

    @Test func countsPacketsBytesAndLoss() {
        var reception = BackchannelReception(payloadType: 0)
        // 65530...65535, 0...9 with 3 and 4 missing: a wrap, and 2 lost.
        let sequences = (65530...65535).map(UInt16.init) + (0..<10).filter { $0 != 3 && $0 != 4 }.map(UInt16.init)
        for (index, sequence) in sequences.enumerated() {
            let bytes = Self.packet(sequence: sequence)
            let range = reception.receive(bytes, arrivalNanoseconds: Int64(index) * 20_000_000)
            #expect(range == 12..<172)
        }
        #expect(reception.counters.packets == 14)
        #expect(reception.counters.payloadBytes == 14 * 160)
        #expect(reception.counters.lost == 2)
        #expect(reception.counters.ssrc == 0xABCD)
        #expect(reception.counters.rejected == 0)
    }

    @Test func refusesOtherPacketsAndCountsThem() {
        var reception = BackchannelReception(payloadType: 8)
        #expect(reception.receive(Self.packet(sequence: 1, payloadType: 0), arrivalNanoseconds: 0) == nil)
        #expect(reception.receive([0x80, 0x08, 0], arrivalNanoseconds: 0) == nil)
        let huge = Self.packet(sequence: 2, payloadType: 8, payload: Array(repeating: 0, count: BackchannelReception.maximumPacketSize))
        #expect(reception.receive(huge, arrivalNanoseconds: 0) == nil)
        #expect(reception.counters.rejected == 3)
        #expect(reception.counters.packets == 0)
        #expect(reception.receive(Self.packet(sequence: 3, payloadType: 8, payload: [1, 2, 3]), arrivalNanoseconds: 0) == 12..<15)
    }
}
