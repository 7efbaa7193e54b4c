import Randomness
import Testing
@testable import RTSP

@Suite struct RTSPSessionIDTests {
    @Test func sixteenAlphanumericCharacters() throws {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<100 {
            let id = RTSPSessionID.generate(using: &generator)
            #expect(id.count == 16)
            #expect(id.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("A"..."Z").contains($0) || ("a"..."z").contains($0) })
            #expect(SessionHeader.isValidID(id))
        }
    }

    @Test func sameSeedSameIDsDifferentSeedDifferentIDs() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = RTSPSessionID.generate(using: &a)
        #expect(first == RTSPSessionID.generate(using: &b))
        #expect(first != RTSPSessionID.generate(using: &c))
        #expect(first != RTSPSessionID.generate(using: &a))
    }
}
