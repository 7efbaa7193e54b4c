import Foundation
import Testing
@testable import Cameras

/// The replay plan of a periodic signal: the unit period, the warm-up, the seam, and which
/// table entry each unit of a stream plays.
@Suite struct AudioReplayPlanTests {
    /// lcm(P, U) / U units: a 1 kHz tone at 48 kHz in AAC frames repeats every 3 units, the
    /// av-sync beep every 375 (8 s), a 1 kHz tone in 20 ms G.711 packets every unit.
    @Test(arguments: [
        (Int64(48), 1024, 48_000, Int64(3)), (48_000, 1024, 48_000, 375), (1200, 1024, 48_000, 75),
        (8, 160, 8000, 1), (8000, 160, 8000, 50), (655_360, 160, 8000, 4096), (655_360, 1024, 48_000, 640),
        (2205, 1024, 44_100, 2205), (1, 1024, 16_000, 1),
    ])
    func unitPeriods(signalPeriod: Int64, samplesPerUnit: Int, rate: Int, units: Int64) throws {
        let plan = try #require(AudioReplayPlan(signalPeriod: signalPeriod, samplesPerUnit: samplesPerUnit, rate: rate))
        #expect(plan.unitsPerPeriod == units)
        #expect((plan.unitsPerPeriod * Int64(samplesPerUnit)) % signalPeriod == 0, "a whole number of signal periods")
    }

    /// A unit period beyond `maximumSeconds` (a 997 Hz tone at 44.1 kHz: 256 s) is encoded live.
    @Test func longPeriodsHaveNoPlan() {
        #expect(AudioReplayPlan(signalPeriod: 44_100, samplesPerUnit: 1024, rate: 44_100) == nil)
        #expect(AudioReplayPlan(signalPeriod: 0, samplesPerUnit: 1024, rate: 44_100) == nil)
        // 90 s exactly fits; one sample more does not.
        #expect(AudioReplayPlan(signalPeriod: 90 * 8000, samplesPerUnit: 160, rate: 8000)?.unitsPerPeriod == 4500)
        #expect(AudioReplayPlan(signalPeriod: 90 * 8000 + 160, samplesPerUnit: 160, rate: 8000) == nil)
    }

    /// The recording warms up for a second at least and starts on the seam unit.
    @Test(arguments: [0, 7, 374, 387, -1] as [Int64])
    func recordingStartsOnTheSeamAfterTheWarmUp(seam: Int64) throws {
        let plan = try #require(AudioReplayPlan(signalPeriod: 48_000, samplesPerUnit: 1024, rate: 48_000, seamUnit: seam))
        #expect(plan.firstUnit >= 47, "at least 1 s of 1024-sample units at 48 kHz")
        #expect(plan.firstUnit < 47 + 375)
        #expect(plan.index(ofUnit: plan.firstUnit) == plan.index(ofUnit: seam))
        #expect(plan.unitsToEncode == plan.firstUnit + 375)
    }

    /// Every unit of a stream, before or after the origin, plays the entry of the recorded
    /// unit one or more whole periods away, and each entry is filled by one recorded unit.
    @Test func entriesRepeatEveryPeriod() throws {
        let plan = try #require(AudioReplayPlan(signalPeriod: 1200, samplesPerUnit: 1024, rate: 48_000, seamUnit: 10))
        for unit: Int64 in [-76, -1, 0, 1, 74, 75, 76, 1_000_000] {
            let entry = plan.index(ofUnit: unit)
            #expect((0..<75).contains(entry))
            let recorded = plan.recordedUnit(forEntry: entry)
            #expect((plan.firstUnit..<plan.unitsToEncode).contains(recorded))
            #expect((unit - recorded) % 75 == 0, "unit \(unit) plays recorded unit \(recorded)")
            #expect(plan.index(ofSample: unit * 1024) == entry)
        }
    }

    /// The seam of the av-sync beep at 48 kHz (1 kHz for 4800 samples from each whole second)
    /// is the first unit with silence two units either side: unit 7 (the beep ends in unit 4).
    @Test func theBeepsSeamIsInItsSilence() {
        let beep: (Int64) -> Int16 = { n in
            let k = ((n % 48_000) + 48_000) % 48_000
            return k < 4800 ? Int16(10_000 * sin(2 * Double.pi * Double(k) / 48)) | 1 : 0
        }
        #expect(AudioReplaySeam.quietestUnit(unitsPerPeriod: 375, samplesPerUnit: 1024, sample: beep) == 7)
        // A tone is as loud everywhere: the first boundary.
        let tone: (Int64) -> Int16 = { n in Int16(10_000 * sin(2 * Double.pi * Double(n) / 48)) }
        #expect(AudioReplaySeam.quietestUnit(unitsPerPeriod: 3, samplesPerUnit: 1024, sample: tone) == 0)
        // Loudness that falls to its least around unit 5 of 8.
        let ramp: (Int64) -> Int16 = { n in Int16(clamping: 100 * abs(((n / 160) % 8 + 8) % 8 - 5) + 1) }
        #expect(AudioReplaySeam.quietestUnit(unitsPerPeriod: 8, samplesPerUnit: 160, sample: ramp) == 5)
    }
}
