/// Loss and jitter in the terms of a reception report (RFC 3550 §A.3, §6.4.1).
extension RTPReceptionStatistics {
    /// §A.3 expected: extended highest sequence number − base_seq + 1 (this run); 0 on probation.
    public var expected: Int {
        guard isValid else { return 0 }
        return Int(extendedHighestSequence) - Int(baseSequence) + 1
    }

    /// §A.3 cumulative packets lost: expected − received. Negative when duplicates
    /// outnumber losses, as the RFC allows.
    public var cumulativeLost: Int { expected - received }

    /// Packets that never arrived in this run, duplicates not counting as arrivals.
    public var lost: Int { max(0, expected - (received - duplicatesThisRun)) }

    /// Expected packets over every run since the first, restarts included.
    public var totalExpected: Int { expectedBeforeRestart + expected }
    /// Counted packets over every run, duplicates included.
    public var totalReceived: Int { receivedBeforeRestart + received }
    /// Packets that never arrived over every run, duplicates not counting as arrivals.
    public var totalLost: Int { max(0, totalExpected - (totalReceived - duplicates)) }

    /// `totalLost` over `totalExpected`, in 0...1; 0 before anything is expected.
    public var lossRatio: Double {
        totalExpected > 0 ? Double(totalLost) / Double(totalExpected) : 0
    }

    /// §A.3 fraction lost since the previous call (or the start of the run), as the
    /// 8-bit fixed-point fraction over 256 a report block carries; 0 when nothing was
    /// lost or duplicates made up for the losses. Resets the interval.
    public mutating func takeIntervalFraction() -> UInt8 {
        let expectedNow = expected
        let expectedInterval = expectedNow - expectedPrior
        expectedPrior = expectedNow
        let receivedInterval = received - receivedPrior
        receivedPrior = received
        let lostInterval = expectedInterval - receivedInterval
        guard expectedInterval > 0, lostInterval > 0 else { return 0 }
        // All of an interval lost would be 256/256; the field tops out at 255.
        return UInt8(min(255, (lostInterval << 8) / expectedInterval))
    }

    /// §A.8 jitter as a report block carries it: whole RTP clock units.
    public var jitterTicks: UInt32 { UInt32(min(jitter.rounded(.down), Double(UInt32.max))) }

    /// §A.8 jitter in seconds of a `clockRate` Hz clock.
    public func jitterSeconds(clockRate: UInt32) -> Double {
        clockRate > 0 ? jitter / Double(clockRate) : 0
    }

    /// A reception report block about `ssrc` (§6.4.1); takes the interval fraction.
    /// `lastSR` is the middle 32 bits of the last SR's NTP timestamp (0 if none) and
    /// `delaySinceLastSR` the time since in 1/65536 s.
    public mutating func reportBlock(ssrc: UInt32, lastSR: UInt32 = 0, delaySinceLastSR: UInt32 = 0) -> RTCPReportBlock {
        let range = RTCPReportBlock.cumulativeLostRange
        let clamped = min(max(cumulativeLost, Int(range.lowerBound)), Int(range.upperBound))
        return RTCPReportBlock(
            ssrc: ssrc,
            fractionLost: takeIntervalFraction(),
            cumulativeLost: Int32(clamped),
            extendedHighestSequence: extendedHighestSequence,
            jitter: jitterTicks,
            lastSR: lastSR,
            delaySinceLastSR: delaySinceLastSR
        )
    }
}
