import Testing
@testable import Audio

/// G.711 against the standard's tables: decision levels for encoding, reconstruction levels
/// for decoding (ITU-T G.711 Tables 1a/1b, 2a/2b), negative inputs as one's complement (ITU-T
/// G.191's reference software), plus published worked examples.
@Suite struct G711Tests {
    /// FNV-1a over bytes, to compare whole tables with a reference in one value.
    static func fnv(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    static func decodedTable(_ law: G711) -> [UInt8] {
        (0...255).flatMap { code -> [UInt8] in
            let value = UInt16(bitPattern: law.decode(UInt8(code)))
            return [UInt8(value & 0xFF), UInt8(value >> 8)]
        }
    }

    /// The 256 reconstruction levels as little-endian Int16, hashed; the reference hashes are
    /// of ffmpeg's pcm_mulaw/pcm_alaw decoders' output for the bytes 0...255.
    @Test(arguments: [(G711.muLaw, UInt64(0xB91E_65D6_8481_A1A8)), (G711.aLaw, UInt64(0x693A_40CA_62A3_D2A5))])
    func decodingMatchesReferenceLevels(law: G711, hash: UInt64) {
        #expect(Self.fnv(Self.decodedTable(law)) == hash)
    }

    @Test func decodedExtremesAndZero() {
        #expect(MuLaw.decode(0x00) == -32124)
        #expect(MuLaw.decode(0x80) == 32124)
        #expect(MuLaw.decode(0xFF) == 0)
        #expect(MuLaw.decode(0x7F) == 0)
        #expect(MuLaw.decode(0x8F) == 4191 * 4)
        #expect(ALaw.decode(0xD5) == 8)
        #expect(ALaw.decode(0x55) == -8)
        #expect(ALaw.decode(0xAA) == 32256)
        #expect(ALaw.decode(0x2A) == -32256)
        #expect(ALaw.decode(0x80) == 5504)
        #expect(ALaw.decode(0x00) == -5504)
    }

    /// μ-law decision levels in 14-bit magnitude: segment s, step k starts at
    /// (16 + k)·2^(s+1) − 33 (Table 2a: 1, 3, …, 29 in segment 0; 31, 35, … ; 2015 + 128k in 6).
    static func muLawInterval(_ magnitude: Int) -> (segment: Int, step: Int) {
        var found = (segment: 0, step: 0)
        for s in 0..<8 {
            for k in 0..<16 where magnitude >= max(0, (16 + k) << (s + 1) - 33) {
                found = (s, k)
            }
        }
        return found
    }

    @Test func muLawEncodesEvery14BitMagnitudeToItsDecisionInterval() {
        for magnitude in 0..<8192 {
            let (s, k) = Self.muLawInterval(magnitude)
            let positive = ~UInt8(s << 4 | k)
            let negative = ~UInt8(0x80 | s << 4 | k)
            for low in 0..<4 {
                let sample = Int16(magnitude << 2 | low)
                #expect(MuLaw.encode(sample) == positive, "\(sample)")
                #expect(MuLaw.encode(~sample) == negative, "\(~sample)")
            }
        }
    }

    /// A-law decision levels in 13-bit magnitude: segment 0 steps by 2 from 0; segment s ≥ 1
    /// step k starts at (16 + k)·2^s (Table 1a: 32, 34, … in segment 1; 2048 + 128k in 7).
    static func aLawInterval(_ magnitude: Int) -> (segment: Int, step: Int) {
        var found = (segment: 0, step: 0)
        for s in 0..<8 {
            for k in 0..<16 where magnitude >= (s == 0 ? 2 * k : (16 + k) << s) {
                found = (s, k)
            }
        }
        return found
    }

    @Test func aLawEncodesEvery13BitMagnitudeToItsDecisionInterval() {
        for magnitude in 0..<4096 {
            let (s, k) = Self.aLawInterval(magnitude)
            let positive = UInt8(0x80 | s << 4 | k) ^ 0x55
            let negative = UInt8(s << 4 | k) ^ 0x55
            for low in 0..<8 {
                let sample = Int16(magnitude << 3 | low)
                #expect(ALaw.encode(sample) == positive, "\(sample)")
                #expect(ALaw.encode(~sample) == negative, "\(~sample)")
            }
        }
    }

    /// Worked examples: A-law of 3210 is 0x9C (segment 4, step 9); μ-law of the 14-bit 2345
    /// (9380 in 16 bits) is 0x9D (the interval 2015 + 128·2 of segment 6).
    @Test func publishedExamples() {
        #expect(ALaw.encode(3210) == 0x9C)
        #expect(MuLaw.encode(9380) == 0x9D)
        #expect(MuLaw.encode(0) == 0xFF)
        #expect(MuLaw.encode(-1) == 0x7F)
        #expect(MuLaw.encode(.max) == 0x80)
        #expect(MuLaw.encode(.min) == 0x00)
        #expect(ALaw.encode(0) == 0xD5)
        #expect(ALaw.encode(-1) == 0x55)
        #expect(ALaw.encode(.max) == 0xAA)
        #expect(ALaw.encode(.min) == 0x2A)
    }

    /// Every code word decodes to a level that encodes back to it, except μ-law's negative zero
    /// (0x7F), whose level 0 encodes as positive zero.
    @Test(arguments: [G711.muLaw, G711.aLaw])
    func reconstructionLevelsRoundTrip(law: G711) {
        for code in 0...255 where !(law == .muLaw && code == 0x7F) {
            #expect(law.encode(law.decode(UInt8(code))) == UInt8(code), "code \(code)")
        }
    }

    @Test(arguments: [G711.muLaw, G711.aLaw])
    func bufferEncodingMatchesPerSample(law: G711) {
        let samples: [Int16] = (0..<400).map { Int16(truncatingIfNeeded: $0 &* 2654) }
        var out = [UInt8](repeating: 0, count: samples.count)
        samples.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { law.encode(input, into: $0) }
        }
        #expect(out == samples.map { law.encode($0) })
        #expect(law.decode(out).count == samples.count)
    }

    @Test func payloadTypesAndNames() {
        #expect(G711.muLaw.payloadType == 0 && G711.muLaw.encodingName == "PCMU")
        #expect(G711.aLaw.payloadType == 8 && G711.aLaw.encodingName == "PCMA")
    }
}
