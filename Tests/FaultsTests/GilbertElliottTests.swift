import Randomness
import Testing
@testable import Faults

@Suite("Gilbert–Elliott burst loss")
struct GilbertElliottTests {
    @Test func twoParameterConversion() throws {
        // r = 1/B, p = L·r/(1−L)
        let ge = try #require(GilbertElliottParameters(lossRate: 0.02, meanBurst: 4))
        #expect(abs(ge.r - 0.25) < 1e-12)
        #expect(abs(ge.p - 0.02 * 0.25 / 0.98) < 1e-12)
        #expect(ge.k == 1 && ge.h == 0)
        #expect(abs(ge.stationaryLoss - 0.02) < 1e-12)
        #expect(abs(ge.meanBadSojourn - 4) < 1e-12)
    }

    @Test func impossibleConversionIsRejected() {
        #expect(GilbertElliottParameters(lossRate: 0.9, meanBurst: 1) == nil)  // p would be 9
        #expect(GilbertElliottParameters(lossRate: 0.1, meanBurst: 0.5) == nil)
        #expect(GilbertElliottParameters(lossRate: 1, meanBurst: 4) == nil)
    }

    @Test func stationaryLossFormula() {
        // loss = p/(p+r)·(1−h) + r/(p+r)·(1−k)
        let ge = GilbertElliottParameters(p: 0.01, r: 0.3, k: 0.99, h: 0.4)
        let expected = 0.01 / 0.31 * 0.6 + 0.3 / 0.31 * 0.01
        #expect(abs(ge.stationaryLoss - expected) < 1e-12)
    }

    /// 1,000,000 packets through the simple Gilbert channel (2 % loss, mean burst 4):
    /// ≈ 5,000 bursts. Tolerances: loss rate ±5 % relative, mean burst length
    /// ±5 % relative (about 2.5σ and 4σ of the sampling error).
    @Test func simpleGilbertStatistics() throws {
        let ge = try #require(GilbertElliottParameters(lossRate: 0.02, meanBurst: 4))
        var model = NetworkFaultModel(profile: NetworkFaultProfile(burstLoss: ge), seed: 2024)
        let fates = run(&model, count: 1_000_000, spacing: 10_000)
        let lossRate = Double(droppedIndices(fates).count) / Double(fates.count)
        let bursts = burstLengths(fates)
        let meanBurst = Double(bursts.reduce(0, +)) / Double(bursts.count)
        print("GE simple: loss \(lossRate), mean burst \(meanBurst), bursts \(bursts.count)")
        #expect(abs(lossRate - 0.02) / 0.02 < 0.05)
        #expect(abs(meanBurst - 4) / 4 < 0.05)
        #expect(model.counters.droppedBurst == droppedIndices(fates).count)
    }

    /// Four-parameter channel: measured loss within ±5 % relative of the
    /// stationary formula over 1,000,000 packets.
    @Test func fourParameterStatistics() {
        let ge = GilbertElliottParameters(p: 0.01, r: 0.2, k: 0.995, h: 0.3)
        var model = NetworkFaultModel(profile: NetworkFaultProfile(burstLoss: ge), seed: 99)
        let fates = run(&model, count: 1_000_000, spacing: 10_000)
        let lossRate = Double(droppedIndices(fates).count) / Double(fates.count)
        print("GE four-parameter: loss \(lossRate), expected \(ge.stationaryLoss)")
        #expect(abs(lossRate - ge.stationaryLoss) / ge.stationaryLoss < 0.05)
    }
}
