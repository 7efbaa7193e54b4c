import Testing
@testable import RTSP

/// A deterministic generator for tests (SplitMix64).
struct FixedSeedGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RTSPSessionIDTests {
    @Test func sixteenAlphanumericCharacters() throws {
        var generator = FixedSeedGenerator(state: 1)
        for _ in 0..<100 {
            let id = RTSPSessionID.generate(using: &generator)
            #expect(id.count == 16)
            #expect(id.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("A"..."Z").contains($0) || ("a"..."z").contains($0) })
            #expect(SessionHeader.isValidID(id))
        }
    }

    @Test func sameSeedSameIDsDifferentSeedDifferentIDs() {
        var a = FixedSeedGenerator(state: 42), b = FixedSeedGenerator(state: 42), c = FixedSeedGenerator(state: 43)
        let first = RTSPSessionID.generate(using: &a)
        #expect(first == RTSPSessionID.generate(using: &b))
        #expect(first != RTSPSessionID.generate(using: &c))
        #expect(first != RTSPSessionID.generate(using: &a))
    }
}
