/// A token-bucket rate limiter with a byte-limited FIFO queue, computing
/// departure times instead of holding packets.
///
/// Tokens accrue at `rate` bits per second up to `burst` bytes. A packet of
/// `s` bytes leaves as soon as `s` bytes of tokens are there and every packet
/// before it has left. This is computed in the equivalent virtual-scheduling
/// form (the GCRA of ITU-T I.371): with V the time at which everything accepted
/// so far would have drained at `rate`, τ = burst·8/rate the burst allowance and
/// c = s·8/rate the packet's transmission time,
///
///     V' = max(V, now) + c        departure = max(now, V' − τ)
///
/// Packets that must wait are *queued*; a packet whose bytes would push the
/// queue (bytes accepted but not yet departed) past `queueLimit` is dropped,
/// as a tail-drop router queue would. Departure times are non-decreasing, so a
/// TCP-interleaved sender can use them without breaking framing.
public struct TokenBucket: Sendable {
    /// Link rate in bits per second (> 0).
    public let rate: Int64
    /// Bucket depth in bytes: how much may leave back to back at once.
    public let burst: Int
    /// Largest number of bytes waiting for tokens at any time.
    public let queueLimit: Int

    private let burstTime: Int64
    private var virtualFinish: Int64 = .min
    /// Sub-nanosecond carry of `virtualFinish`, in units of 1/rate ns.
    private var carry: Int64 = 0
    private var queue = DepartureRing()
    /// Bytes accepted whose departure is still in the future, as of the last call.
    public private(set) var queuedBytes: Int = 0

    public init(rate: Int64, burst: Int, queueLimit: Int) {
        precondition(rate > 0, "token bucket rate must be positive")
        self.rate = rate
        self.burst = max(0, burst)
        self.queueLimit = max(0, queueLimit)
        burstTime = Int64((Double(self.burst) * 8 * 1e9 / Double(rate)).rounded())
    }

    /// The departure time of a `size`-byte packet offered at `now`, or nil when
    /// the queue has no room for it (the packet is dropped and uses no tokens).
    public mutating func admit(size: Int, at now: Int64) -> Int64? {
        while let head = queue.first, head.departure <= now {
            queuedBytes -= head.size
            queue.removeFirst()
        }
        var finish = virtualFinish
        var remainder = carry
        if finish < now {
            finish = now
            remainder = 0
        }
        let bitNanos = Int64(size) * 8 * 1_000_000_000
        finish += bitNanos / rate
        remainder += bitNanos % rate
        if remainder >= rate {
            finish += 1
            remainder -= rate
        }
        let departure = max(now, finish - burstTime)
        if departure > now {
            guard queuedBytes + size <= queueLimit else { return nil }
            queue.append(departure: departure, size: size)
            queuedBytes += size
        }
        virtualFinish = finish
        carry = remainder
        return departure
    }
}

/// A growable ring buffer of (departure, size) pairs; amortised allocation-free.
struct DepartureRing: Sendable {
    struct Entry: Sendable {
        var departure: Int64
        var size: Int
    }

    private var storage: [Entry] = []
    private var head = 0
    private(set) var count = 0

    var first: Entry? { count == 0 ? nil : storage[head] }

    mutating func append(departure: Int64, size: Int) {
        if count == storage.count { grow() }
        var index = head + count
        if index >= storage.count { index -= storage.count }
        storage[index] = Entry(departure: departure, size: size)
        count += 1
    }

    mutating func removeFirst() {
        precondition(count > 0)
        head += 1
        if head == storage.count { head = 0 }
        count -= 1
    }

    private mutating func grow() {
        let newCapacity = max(16, storage.count * 2)
        var bigger: [Entry] = []
        bigger.reserveCapacity(newCapacity)
        for offset in 0..<count {
            var index = head + offset
            if index >= storage.count { index -= storage.count }
            bigger.append(storage[index])
        }
        bigger.append(contentsOf: repeatElement(Entry(departure: 0, size: 0), count: newCapacity - count))
        storage = bigger
        head = 0
    }
}
