import Testing
@testable import H265Syntax

@Suite("H265NALHeader")
struct H265NALHeaderTests {
    /// (octets, F, type, LayerId, TID): RFC 7798 §1.1.4's layout.
    static let cases: [([UInt8], Bool, UInt8, UInt8, UInt8)] = [
        ([0x40, 0x01], false, 32, 0, 1),  // VPS
        ([0x42, 0x01], false, 33, 0, 1),  // SPS
        ([0x44, 0x01], false, 34, 0, 1),  // PPS
        ([0x28, 0x01], false, 20, 0, 1),  // IDR_N_LP
        ([0x26, 0x01], false, 19, 0, 1),  // IDR_W_RADL
        ([0x02, 0x01], false, 1, 0, 1),  // TRAIL_R
        ([0x60, 0x01], false, 48, 0, 1),  // AP
        ([0x62, 0x01], false, 49, 0, 1),  // FU
        ([0xFF, 0xFF], true, 63, 63, 7),
        ([0x01, 0xF8], false, 0, 63, 0),
        ([0x80, 0x0A], true, 0, 1, 2),
    ]

    @Test("fields", arguments: cases)
    func fields(octets: [UInt8], forbidden: Bool, type: UInt8, layerID: UInt8, tid: UInt8) {
        let header = H265NALHeader(octets[0], octets[1])
        #expect(header.forbidden == forbidden)
        #expect(header.type == type)
        #expect(header.layerID == layerID)
        #expect(header.temporalIDPlusOne == tid)
        let built = H265NALHeader(forbidden: forbidden, type: type, layerID: layerID, temporalIDPlusOne: tid)
        #expect([built.firstOctet, built.secondOctet] == octets)
    }

    @Test func everyValueRoundTrips() {
        for raw in 0...Int(UInt16.max) {
            let header = H265NALHeader(rawValue: UInt16(raw))
            let rebuilt = H265NALHeader(
                forbidden: header.forbidden, type: header.type, layerID: header.layerID,
                temporalIDPlusOne: header.temporalIDPlusOne
            )
            #expect(rebuilt == header)
        }
    }

    @Test func withTypeKeepsTheOtherFields() {
        let header = H265NALHeader(forbidden: true, type: 1, layerID: 5, temporalIDPlusOne: 3)
        let changed = header.with(type: 49)
        #expect(changed.type == 49 && changed.forbidden && changed.layerID == 5 && changed.temporalIDPlusOne == 3)
    }

    @Test func typeClasses() {
        #expect((16...23).allSatisfy(H265NALType.isIRAP))
        #expect(!H265NALType.isIRAP(15) && !H265NALType.isIRAP(24) && !H265NALType.isIRAP(32))
        #expect(H265NALType.isIDR(19) && H265NALType.isIDR(20) && !H265NALType.isIDR(21))
        #expect([32, 33, 34].allSatisfy(H265NALType.isParameterSet) && !H265NALType.isParameterSet(35))
    }
}
