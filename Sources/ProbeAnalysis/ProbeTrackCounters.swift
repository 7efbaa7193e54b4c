import RTP

/// Everything the probe counts about one track's RTP packets: reception statistics per
/// RFC 3550 (restarted when the SSRC changes, with the earlier runs' figures kept),
/// payload octets, and RTP timestamp order.
struct ProbeTrackCounters: Sendable {
    let clockRate: UInt32
    var statistics = RTPReceptionStatistics()
    var ssrc: UInt32?
    var ssrcChanges = 0
    /// Figures of the statistics before the last SSRC change.
    var earlier = Totals()
    var packets = 0
    var payloadOctets = 0
    var firstArrival: Int64?
    var lastArrival: Int64?
    /// The previous in-order packet's timestamp, for monotonicity.
    var lastInOrderTimestamp: UInt32?
    /// In-order packets whose timestamp is earlier than the one before.
    var timestampRegressions = 0

    struct Totals: Sendable {
        var expected = 0
        var lost = 0
        var reordered = 0
        var duplicates = 0

        static func + (lhs: Totals, rhs: Totals) -> Totals {
            Totals(
                expected: lhs.expected + rhs.expected, lost: lhs.lost + rhs.lost,
                reordered: lhs.reordered + rhs.reordered, duplicates: lhs.duplicates + rhs.duplicates)
        }
    }

    init(clockRate: UInt32) {
        self.clockRate = clockRate
    }

    /// Expected, lost, reordered and duplicates over every SSRC the track had.
    var totals: Totals {
        earlier + Totals(
            expected: statistics.totalExpected, lost: statistics.totalLost,
            reordered: statistics.reordered, duplicates: statistics.duplicates)
    }

    var jitterMilliseconds: Double { statistics.jitterSeconds(clockRate: clockRate) * 1_000 }

    mutating func record(_ header: RTPHeader, payloadOctets octets: Int, arrival: Int64) {
        if let ssrc, ssrc != header.ssrc {
            ssrcChanges += 1
            earlier = totals
            statistics = RTPReceptionStatistics()
            lastInOrderTimestamp = nil
        }
        ssrc = header.ssrc
        packets += 1
        payloadOctets += octets
        if firstArrival == nil { firstArrival = arrival }
        lastArrival = arrival
        let ticks = RTPTimestampClock(rate: clockRate, base: 0).timestamp(atNanoseconds: arrival)
        let disposition = statistics.record(sequenceNumber: header.sequenceNumber, timestamp: header.timestamp, arrival: ticks)
        if disposition == .inOrder || disposition == .restarted {
            if let last = lastInOrderTimestamp, Int32(bitPattern: header.timestamp &- last) < 0 { timestampRegressions += 1 }
            lastInOrderTimestamp = header.timestamp
        }
    }
}
