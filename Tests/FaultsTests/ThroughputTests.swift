import Testing
@testable import Faults

@Suite("Decision cost")
struct ThroughputTests {
    /// Not a pass/fail benchmark: prints the cost of one decision with every
    /// network fault on. 100 Mbit/s of 1200-byte packets is ≈ 10,400 packets/s.
    @Test func decisionsPerSecond() {
        let profile = NetworkFaultProfile(
            loss: 0.01, burstLoss: GilbertElliottParameters(lossRate: 0.01, meanBurst: 3),
            delay: 20 * ms, jitter: 5 * ms, reorder: ReorderSpec(probability: 0.01), duplicate: 0.01,
            corrupt: CorruptionSpec(probability: 0.001), bandwidth: BandwidthSpec(rate: 100_000_000)
        )
        var model = NetworkFaultModel(profile: profile, seed: 1)
        let count = 500_000
        let clock = ContinuousClock()
        var passed = 0
        let elapsed = clock.measure {
            for index in 0..<count {
                let fate = model.decide(packet: PacketInfo(index: index, size: 1200), at: Int64(index) * 96_000)
                passed += fate.copies.count
            }
        }
        let nanos = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        print("decide: \(nanos / Double(count)) ns per packet (\(passed) copies)")
        #expect(passed > 0)
    }
}
