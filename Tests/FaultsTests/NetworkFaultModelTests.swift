import Randomness
import Testing
@testable import Faults

@Suite("Network fault model")
struct NetworkFaultModelTests {
    static let golden = NetworkFaultProfile(loss: 0.1)

    @Test func goldenDrops() {
        var model = NetworkFaultModel(profile: Self.golden, seed: 42)
        let dropped = droppedIndices(run(&model, count: 100))
        print("golden drops: \(dropped)")
        #expect(dropped == GoldenValues.lossTenPercentSeed42)
    }

    @Test func goldenBurstDrops() throws {
        let ge = try #require(GilbertElliottParameters(lossRate: 0.05, meanBurst: 3))
        var model = NetworkFaultModel(profile: NetworkFaultProfile(burstLoss: ge), seed: 7)
        let dropped = droppedIndices(run(&model, count: 400))
        print("golden burst drops: \(dropped)")
        #expect(dropped == GoldenValues.burstSeed7)
    }

    @Test func sameSeedSameFates() {
        let profile = NetworkFaultProfile(
            loss: 0.05, burstLoss: GilbertElliottParameters(lossRate: 0.02, meanBurst: 3),
            delay: 50 * ms, jitter: 10 * ms, reorder: ReorderSpec(probability: 0.02),
            duplicate: 0.01, corrupt: CorruptionSpec(probability: 0.01, bits: 3),
            bandwidth: BandwidthSpec(rate: 8_000_000)
        )
        var a = NetworkFaultModel(profile: profile, seed: 7)
        var b = NetworkFaultModel(profile: profile, seed: 7)
        var c = NetworkFaultModel(profile: profile, seed: 8)
        let fa = run(&a, count: 5000), fb = run(&b, count: 5000), fc = run(&c, count: 5000)
        #expect(fa == fb)
        #expect(a.counters == b.counters)
        #expect(fa != fc)
    }

    /// Independent loss of 5 % over 200,000 packets: within ±0.3 percentage points.
    @Test func randomLossRate() {
        var model = NetworkFaultModel(profile: NetworkFaultProfile(loss: 0.05), seed: 1)
        let fates = run(&model, count: 200_000, spacing: 10_000)
        let rate = Double(droppedIndices(fates).count) / Double(fates.count)
        print("random loss: \(rate)")
        #expect(abs(rate - 0.05) < 0.003)
        #expect(model.counters.droppedRandom == droppedIndices(fates).count)
        #expect(model.counters.passed + model.counters.dropped == 200_000)
    }

    /// 100 ms ± 20 ms over 100,000 packets (reordering allowed so nothing is clamped).
    /// Tolerances: mean ±1 ms; standard deviation ±3 % relative.
    @Test(arguments: [JitterDistribution.normal, .uniform])
    func delayDistribution(_ distribution: JitterDistribution) {
        let profile = NetworkFaultProfile(delay: 100 * ms, jitter: 20 * ms, jitterDistribution: distribution,
                                          allowReorder: true)
        var model = NetworkFaultModel(profile: profile, seed: 3)
        let spacing: Int64 = 1_000_000
        let fates = run(&model, count: 100_000, spacing: spacing)
        let delays = fates.enumerated().map { Double($0.element.copies[0].at - Int64($0.offset) * spacing) / 1e6 }
        let (mean, sd) = meanAndDeviation(delays)
        let expectedSD = distribution == .normal ? 20.0 : 20.0 / 3.0.squareRoot()
        print("delay \(distribution): mean \(mean) ms, sd \(sd) ms (expected sd \(expectedSD))")
        #expect(abs(mean - 100) < 1)
        #expect(abs(sd - expectedSD) / expectedSD < 0.03)
        if distribution == .uniform {
            #expect(delays.allSatisfy { $0 >= 80 && $0 <= 120 })
        }
    }

    @Test func jitterNeverReordersByDefault() {
        let profile = NetworkFaultProfile(delay: 50 * ms, jitter: 40 * ms)
        var model = NetworkFaultModel(profile: profile, seed: 11)
        let fates = run(&model, count: 20_000)
        let times = fates.map { $0.copies[0].at }
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(fates.enumerated().allSatisfy { $0.element.copies[0].at >= Int64($0.offset) * ms })
    }

    @Test func jitterReordersWhenAllowed() {
        let profile = NetworkFaultProfile(delay: 50 * ms, jitter: 40 * ms, allowReorder: true)
        var model = NetworkFaultModel(profile: profile, seed: 11)
        let times = run(&model, count: 20_000).map { $0.copies[0].at }
        let inversions = zip(times, times.dropFirst()).filter { $0 > $1 }.count
        print("inversions with allowReorder: \(inversions)")
        #expect(inversions > 1000)
        #expect(model.counters.reordered == 0)
    }

    @Test func explicitReorderHoldsPacketsBack() {
        let profile = NetworkFaultProfile(reorder: ReorderSpec(probability: 0.1, hold: 5 * ms))
        var model = NetworkFaultModel(profile: profile, seed: 5)
        let fates = run(&model, count: 10_000)
        let held = fates.indices.filter { fates[$0].copies[0].at == Int64($0) * ms + 5 * ms }
        let others = fates.indices.filter { fates[$0].copies[0].at == Int64($0) * ms }
        #expect(held.count == model.counters.reordered)
        #expect(held.count + others.count == fates.count)
        #expect(abs(Double(held.count) / 10_000 - 0.1) < 0.01)
    }

    @Test func reorderGapMakesOnlyEveryNthACandidate() {
        let profile = NetworkFaultProfile(reorder: ReorderSpec(probability: 1, hold: 3 * ms, gap: 5))
        var model = NetworkFaultModel(profile: profile, seed: 5)
        let fates = run(&model, count: 100)
        for (index, fate) in fates.enumerated() {
            let held = fate.copies[0].at > Int64(index) * ms
            #expect(held == ((index + 1) % 5 == 0))
        }
    }

    @Test func duplicationAndCorruption() {
        let profile = NetworkFaultProfile(duplicate: 0.05, corrupt: CorruptionSpec(probability: 0.05, bits: 4))
        var model = NetworkFaultModel(profile: profile, seed: 9)
        let fates = run(&model, count: 20_000, size: 200)
        let duplicated = fates.filter { $0.copies.count == 2 }
        #expect(duplicated.count == model.counters.duplicated)
        #expect(abs(Double(duplicated.count) / 20_000 - 0.05) < 0.006)
        #expect(duplicated.allSatisfy { $0.copies[0].at == $0.copies[1].at && $0.copies[1].corruptBitOffsets.isEmpty })
        let corrupted = fates.filter { !$0.copies[0].corruptBitOffsets.isEmpty }
        #expect(corrupted.count == model.counters.corrupted)
        #expect(abs(Double(corrupted.count) / 20_000 - 0.05) < 0.006)
        for fate in corrupted {
            let offsets = fate.copies[0].corruptBitOffsets
            #expect(offsets.count == 4)
            #expect(Set(offsets).count == 4)
            #expect(offsets.allSatisfy { $0 >= 96 && $0 < 200 * 8 })  // never the 12-byte RTP header
        }
    }

    @Test func corruptionCanIncludeTheHeader() {
        let profile = NetworkFaultProfile(corrupt: CorruptionSpec(probability: 1, bits: 8, protectedBytes: 0))
        var model = NetworkFaultModel(profile: profile, seed: 9)
        let offsets = run(&model, count: 2000, size: 20).flatMap { $0.copies[0].corruptBitOffsets }
        #expect(offsets.contains { $0 < 96 })
    }

    @Test func rtcpCanBeSpared() {
        let profile = NetworkFaultProfile(loss: 1, delay: 100 * ms, corrupt: CorruptionSpec(probability: 1),
                                          applyToRTCP: false)
        var model = NetworkFaultModel(profile: profile, seed: 1)
        let rtp = model.decide(packet: PacketInfo(index: 0, size: 500, kind: .rtp), at: 0)
        let rtcp = model.decide(packet: PacketInfo(index: 1, size: 52, kind: .rtcp), at: 0)
        #expect(rtp.isDropped)
        #expect(rtcp.copies == [Departure(at: 0)])

        var hitting = NetworkFaultModel(profile: NetworkFaultProfile(loss: 1), seed: 1)
        #expect(hitting.decide(packet: PacketInfo(index: 0, size: 52, kind: .rtcp), at: 0).isDropped)
    }

    @Test func outageDropsEverythingInsideTheWindow() {
        let outage = FaultWindow(start: 2 * sec, duration: 1 * sec)
        var model = NetworkFaultModel(profile: NetworkFaultProfile(outage: outage), seed: 1, origin: 0)
        let fates = run(&model, count: 4000)  // 1 ms apart: 4 s
        #expect(droppedIndices(fates) == Array(2000..<3000))
        #expect(model.counters.droppedOutage == 1000)
        var rtcp = NetworkFaultModel(profile: NetworkFaultProfile(outage: outage, applyToRTCP: false), seed: 1, origin: 0)
        #expect(rtcp.decide(packet: PacketInfo(index: 0, size: 52, kind: .rtcp), at: 2 * sec).isDropped)
    }

    @Test func originDefaultsToTheFirstPacket() {
        let outage = FaultWindow(start: 0, duration: 10 * ms)
        var model = NetworkFaultModel(profile: NetworkFaultProfile(outage: outage), seed: 1)
        #expect(model.decide(packet: PacketInfo(index: 0, size: 100), at: 5 * sec).isDropped)
        #expect(!model.decide(packet: PacketInfo(index: 1, size: 100), at: 5 * sec + 10 * ms).isDropped)
    }

    @Test func noFaultsPassEverythingNow() {
        var model = NetworkFaultModel(profile: NetworkFaultProfile(), seed: 1)
        let fates = run(&model, count: 1000)
        #expect(fates.enumerated().allSatisfy { $0.element.copies == [Departure(at: Int64($0.offset) * ms)] })
        #expect(model.counters.passed == 1000 && model.counters.delayed == 0)
    }

    @Test func setProfileKeepsTheGenerators() {
        var model = NetworkFaultModel(profile: NetworkFaultProfile(loss: 0.1), seed: 4)
        _ = run(&model, count: 10)
        model.setProfile(NetworkFaultProfile(loss: 0.5))
        #expect(model.profile.loss == 0.5)
        #expect(model.counters.passed + model.counters.dropped == 10)
    }
}
