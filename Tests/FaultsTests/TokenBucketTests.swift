import Testing
@testable import Faults

@Suite("Token bucket")
struct TokenBucketTests {
    /// 2 Mbit/s cap, offered 4 Mbit/s (1000-byte packets every 2 ms) for 10 s, 100 ms queue.
    /// Throughput over the 10 s must be within 2 % of the cap, the queue (bytes
    /// accepted but not yet departed, counted from the departures) never above its limit.
    @Test func throughputUnderDoubleLoad() {
        let spec = BandwidthSpec(rate: 2_000_000, queue: .time(100 * ms))
        var model = NetworkFaultModel(profile: NetworkFaultProfile(bandwidth: spec), seed: 1)
        let size = 1000
        let limit = spec.queueBytes
        #expect(limit == 25_000)
        var waiting: [(departure: Int64, size: Int)] = []
        var maxQueued = 0
        var deliveredBytes = 0
        var lastDeparture: Int64 = 0
        for index in 0..<5000 {
            let now = Int64(index) * 2 * ms
            waiting.removeAll { $0.departure <= now }
            let fate = model.decide(packet: PacketInfo(index: index, size: size), at: now)
            guard let departure = fate.copies.first?.at else { continue }
            #expect(departure >= lastDeparture)
            lastDeparture = departure
            if departure > now { waiting.append((departure, size)) }
            maxQueued = max(maxQueued, waiting.reduce(0) { $0 + $1.size })
            if departure <= 10 * sec { deliveredBytes += size }
        }
        let throughput = Double(deliveredBytes * 8) / 10.0
        print("token bucket: throughput \(throughput) bit/s, max queue \(maxQueued) of \(limit) bytes, dropped \(model.counters.droppedQueue)")
        #expect(abs(throughput - 2_000_000) / 2_000_000 < 0.02)
        #expect(maxQueued <= limit)
        #expect(model.counters.droppedQueue > 2000)
    }

    @Test func burstPassesAtOnceThenPaces() {
        var bucket = TokenBucket(rate: 8_000_000, burst: 3000, queueLimit: 100_000)
        // 8 Mbit/s: 1000 bytes take 1 ms.
        #expect(bucket.admit(size: 1000, at: 0) == 0)
        #expect(bucket.admit(size: 1000, at: 0) == 0)
        #expect(bucket.admit(size: 1000, at: 0) == 0)
        #expect(bucket.admit(size: 1000, at: 0) == 1 * ms)
        #expect(bucket.admit(size: 1000, at: 0) == 2 * ms)
        #expect(bucket.queuedBytes == 2000)
        // After a long idle period the bucket is full again.
        #expect(bucket.admit(size: 1000, at: 1 * sec) == 1 * sec)
    }

    @Test func fullQueueDrops() {
        var bucket = TokenBucket(rate: 8_000_000, burst: 1000, queueLimit: 2000)
        #expect(bucket.admit(size: 1000, at: 0) == 0)
        #expect(bucket.admit(size: 1000, at: 0) == 1 * ms)
        #expect(bucket.admit(size: 1000, at: 0) == 2 * ms)
        #expect(bucket.admit(size: 1000, at: 0) == nil)
        #expect(bucket.admit(size: 1000, at: 1 * ms) == 3 * ms)
    }

    @Test func fractionalRatesDoNotDrift() {
        // 3 bit/s-ish oddities: 1 byte at 7 Mbit/s is 1142.857… ns; 7000 bytes take exactly 8 ms.
        var bucket = TokenBucket(rate: 7_000_000, burst: 0, queueLimit: 1_000_000)
        var last: Int64 = 0
        for _ in 0..<7000 { last = bucket.admit(size: 1, at: 0) ?? -1 }
        #expect(last == 8 * ms)
    }
}
