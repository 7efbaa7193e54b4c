import Testing
@testable import Cameras

@Suite struct AudioUnitClockTests {
    /// 20 ms units at 8 kHz, from monotonic 1 s and wall 1_700_000_000 s.
    static func clock() -> AudioUnitClock {
        AudioUnitClock(rate: 8000, samplesPerUnit: 160, originNanos: 1_000_000_000, wallOriginNanos: 1_700_000_000_000_000_000)
    }

    @Test func unitsAreDueWhenTheirLastSampleIsCaptured() {
        let clock = Self.clock()
        #expect(clock.firstSample(ofUnit: 3) == 480)
        #expect(clock.dueNanos(ofUnit: 0) == 1_020_000_000)
        #expect(clock.dueNanos(ofUnit: 49) == 2_000_000_000)
        #expect(clock.wallClockNanos(ofUnit: 50) == 1_700_000_000_000_000_000 + 1_000_000_000)
    }

    @Test func takeReturnsEachDueUnitOnce() {
        var clock = Self.clock()
        #expect(clock.take(at: 1_019_999_999).units.isEmpty)
        let first = clock.take(at: 1_020_000_000)
        #expect(first.units == 0..<1 && first.skipped == 0)
        #expect(clock.take(at: 1_030_000_000).units.isEmpty)
        let late = clock.take(at: 1_061_000_000)
        #expect(late.units == 1..<3 && late.skipped == 0)
    }

    @Test func farBehindItMakesOnlyTheLatestUnits() {
        var clock = Self.clock()
        let taken = clock.take(at: 2_000_000_000)
        #expect(taken.units == (50 - AudioUnitClock.maximumCatchUp)..<50)
        #expect(taken.skipped == 50 - AudioUnitClock.maximumCatchUp)
    }

    @Test func resumeSkipsTheIdleSpellWithoutCountingIt() {
        var clock = Self.clock()
        clock.resume(at: 11_000_000_000)
        #expect(clock.nextUnit == 500)
        #expect(clock.take(at: 11_020_000_000).units == 500..<501)
    }

    @Test func timesComeFromTheTotalSampleCountAndNeverDrift() {
        // 44.1 kHz with 1024-sample units: unit n is due at exactly (n + 1) × 1024 / 44100 s.
        let clock = AudioUnitClock(rate: 44100, samplesPerUnit: 1024, originNanos: 0, wallOriginNanos: 0)
        let unit: Int64 = 1_000_000
        let exact = (unit + 1) * 1024 * 1_000_000_000 / 44100
        #expect(clock.dueNanos(ofUnit: unit) == exact)
    }
}

@Suite struct G711EncoderTests {
    @Test func theEncoderFillsOneUnitOfCodesFromTheSignal() throws {
        let encoder = G711Encoder(rate: 8000, packetMilliseconds: 20, signal: { Int16(truncatingIfNeeded: $0) }, compress: { UInt8(truncatingIfNeeded: $0) })
        #expect(encoder.samplesPerUnit == 160)
        let codes = try encoder.encodeUnit(firstSample: 320, wallClockNanos: 0) { parts in parts.flatMap { Array($0) } }
        #expect(codes == (320..<480).map { UInt8(truncatingIfNeeded: $0) })
    }
}
