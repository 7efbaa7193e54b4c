import Foundation
import Testing
@testable import H265Syntax

@Suite("H265SequenceParameterSet")
struct H265SequenceParameterSetTests {
    @Test func readsX265sSizeProfileAndLevel() throws {
        let sps = try #require(H265SequenceParameterSet(X265Vectors.sps))
        #expect(sps.width == 320 && sps.height == 240)
        #expect(sps.codedWidth == 320 && sps.codedHeight == 240)
        #expect(sps.chromaFormatIDC == 1)
        #expect(sps.profileName == "Main")
        #expect(sps.levelName == "2")
    }

    /// The 1280x720 SPS of the README's SDP example, level 3.1 (93).
    @Test func readsA720pSPSFromItsSprop() throws {
        let nal = try #require(Data(base64Encoded: "QgEBAWAAAAMAkAAAAwAAAwBdoAKAgC0WW6SkwuagICAggAAAAwCAAAAPBA=="))
        let sps = try #require(H265SequenceParameterSet(Array(nal)))
        #expect(sps.width == 1280 && sps.height == 720)
        #expect(sps.levelName == "3.1")
    }

    /// Every truncation is refused without a trap, and other NAL types are no SPS.
    @Test func truncatedOrOtherNALUnitsAreRefused() {
        for length in 0..<20 {
            #expect(H265SequenceParameterSet(Array(X265Vectors.sps.prefix(length))) == nil, "length \(length)")
        }
        #expect(H265SequenceParameterSet(X265Vectors.vps) == nil)
        #expect(H265SequenceParameterSet(X265Vectors.pps) == nil)
    }
}
