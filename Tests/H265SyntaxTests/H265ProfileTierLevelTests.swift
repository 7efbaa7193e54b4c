import Testing
@testable import H265Syntax

@Suite("H265ProfileTierLevel")
struct H265ProfileTierLevelTests {
    static let x265Main = H265ProfileTierLevel(
        profileSpace: 0, tierFlag: false, profileIDC: 1, compatibilityFlags: 0x6000_0000,
        constraintFlags: 0x9000_0000_0000, levelIDC: 60
    )

    @Test func readsTheSPS() {
        #expect(H265ProfileTierLevel(sequenceParameterSet: X265Vectors.sps) == Self.x265Main)
    }

    @Test func readsTheVPS() {
        #expect(H265ProfileTierLevel(videoParameterSet: X265Vectors.vps) == Self.x265Main)
    }

    @Test func parameterSetsPreferTheSPS() {
        var sets = H265ParameterSets(
            videoParameterSet: X265Vectors.vps, sequenceParameterSet: X265Vectors.sps, pictureParameterSet: X265Vectors.pps
        )
        #expect(sets.profileTierLevel == Self.x265Main)
        sets.sequenceParameterSet = []
        #expect(sets.profileTierLevel == Self.x265Main)  // from the VPS
        sets.videoParameterSet = []
        #expect(sets.profileTierLevel == nil)
    }

    @Test func fieldsOfTheFirstOctet() {
        // profile_space 2, High tier, profile_idc 2 (Main 10), level 6.2 (186).
        let rbsp: [UInt8] = [0xA2] + [0x20, 0, 0, 0] + [0, 0, 0, 0, 0, 0] + [186]
        let ptl = H265ProfileTierLevel(rbsp: rbsp, at: 0)
        #expect(ptl == H265ProfileTierLevel(
            profileSpace: 2, tierFlag: true, profileIDC: 2, compatibilityFlags: 0x2000_0000, levelIDC: 186
        ))
    }

    @Test func shortOrWrongNALUnitsGiveNothing() {
        #expect(H265ProfileTierLevel(sequenceParameterSet: Array(X265Vectors.sps.prefix(14))) == nil)
        #expect(H265ProfileTierLevel(sequenceParameterSet: X265Vectors.vps) == nil)
        #expect(H265ProfileTierLevel(videoParameterSet: X265Vectors.sps) == nil)
        #expect(H265ProfileTierLevel(sequenceParameterSet: []) == nil)
        #expect(H265ProfileTierLevel(rbsp: [1, 2, 3], at: 0) == nil)
        #expect(H265ProfileTierLevel(rbsp: Array(repeating: 0, count: 12), at: 1) == nil)
        // Every truncation of the SPS either reads the same fields or nothing.
        for length in 0...X265Vectors.sps.count {
            let read = H265ProfileTierLevel(sequenceParameterSet: Array(X265Vectors.sps.prefix(length)))
            #expect(read == nil || read == Self.x265Main)
        }
    }
}
