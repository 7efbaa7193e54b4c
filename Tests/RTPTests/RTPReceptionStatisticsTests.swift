import Testing
@testable import RTP

@Suite("RTPReceptionStatistics")
struct RTPReceptionStatisticsTests {
    /// Records `numbers` with timestamps and arrivals that add no jitter.
    @discardableResult
    static func feed(_ stats: inout RTPReceptionStatistics, _ numbers: [UInt16]) -> [RTPReceptionStatistics.Disposition] {
        numbers.map { stats.record(sequenceNumber: $0, timestamp: 0, arrival: 0) }
    }

    @Test func aSourceIsValidAfterTwoPacketsInSequence() {
        var stats = RTPReceptionStatistics()
        #expect(stats.record(sequenceNumber: 100, timestamp: 0, arrival: 0) == .probation)
        #expect(!stats.isValid)
        #expect(stats.expected == 0)
        #expect(stats.record(sequenceNumber: 101, timestamp: 0, arrival: 0) == .inOrder)
        #expect(stats.isValid)
        #expect(stats.baseSequence == 101)
        Self.feed(&stats, Array(102...199))
        #expect(stats.expected == 99)
        #expect(stats.received == 99)
        #expect(stats.lost == 0)
        #expect(stats.lossRatio == 0)
        #expect(stats.extendedHighestSequence == 199)
    }

    @Test func probationStartsAgainWhenTheSecondPacketIsOutOfSequence() {
        var stats = RTPReceptionStatistics()
        #expect(Self.feed(&stats, [10, 20, 21]) == [.probation, .probation, .inOrder])
        #expect(stats.baseSequence == 21)
    }

    @Test func minSequentialOneAcceptsTheFirstPacket() {
        var stats = RTPReceptionStatistics(minSequential: 1)
        #expect(stats.record(sequenceNumber: 7, timestamp: 0, arrival: 0) == .inOrder)
        #expect(stats.expected == 1)
        #expect(stats.received == 1)
    }

    @Test func wrapsAt65535IntoTheExtendedSequenceNumber() {
        var stats = RTPReceptionStatistics()
        let numbers: [UInt16] = Array(65_530...65_535) + Array(0...10)
        let dispositions = Self.feed(&stats, numbers)
        #expect(dispositions.dropFirst().allSatisfy { $0 == .inOrder })
        #expect(stats.cycles == 65_536)
        #expect(stats.extendedHighestSequence == 65_536 + 10)
        #expect(stats.expected == numbers.count - 1)
        #expect(stats.lost == 0)
    }

    @Test func aLatePacketAcrossTheWrapIsReorderedNotAJump() {
        var stats = RTPReceptionStatistics()
        #expect(Self.feed(&stats, [65_534, 65_535, 1, 0, 2]) == [.probation, .inOrder, .inOrder, .reordered, .inOrder])
        #expect(stats.reordered == 1)
        #expect(stats.extendedHighestSequence == 65_536 + 2)
        #expect(stats.expected == 4)
        #expect(stats.lost == 0)
        #expect(stats.cumulativeLost == 0)
    }

    @Test func countsReorderedPacketsAndTheGapTheyFill() {
        var stats = RTPReceptionStatistics()
        Self.feed(&stats, [1, 2, 3, 5])
        #expect(stats.lost == 1)
        #expect(Self.feed(&stats, [4, 6, 9, 7, 8]) == [.reordered, .inOrder, .inOrder, .reordered, .reordered])
        #expect(stats.reordered == 3)
        #expect(stats.duplicates == 0)
        #expect(stats.lost == 0)
    }

    @Test func countsDuplicatesOfTheHighestAndOfOlderNumbers() {
        var stats = RTPReceptionStatistics()
        let dispositions = Self.feed(&stats, [1, 2, 3, 3, 2, 4, 1])
        #expect(dispositions == [.probation, .inOrder, .inOrder, .duplicate, .duplicate, .inOrder, .duplicate])
        #expect(stats.duplicates == 3)
        #expect(stats.reordered == 0)
        #expect(stats.expected == 3)
        // RFC 3550 §A.3 counts duplicates as received, so its cumulative loss goes negative.
        #expect(stats.received == 6)
        #expect(stats.cumulativeLost == -3)
        #expect(stats.lost == 0)
    }

    @Test func aBurstOfLossShowsInTheTotalsAndTheIntervalFraction() {
        var stats = RTPReceptionStatistics()
        Self.feed(&stats, Array(1...100))
        #expect(stats.takeIntervalFraction() == 0)
        Self.feed(&stats, Array(151...200))
        #expect(stats.expected == 199)
        #expect(stats.lost == 50)
        #expect(abs(stats.lossRatio - 50.0 / 199.0) < 1e-12)
        // 50 of the 100 numbers since the last report: 128/256.
        #expect(stats.takeIntervalFraction() == 128)
        Self.feed(&stats, Array(201...210))
        #expect(stats.takeIntervalFraction() == 0)
    }

    @Test func aLargeJumpIsHeldBackUntilTheNextPacketConfirmsIt() {
        var stats = RTPReceptionStatistics()
        Self.feed(&stats, Array(1...10))
        #expect(stats.record(sequenceNumber: 5_000, timestamp: 0, arrival: 0) == .jumped)
        #expect(stats.record(sequenceNumber: 11, timestamp: 0, arrival: 0) == .inOrder)
        #expect(stats.restarts == 0)
        #expect(stats.record(sequenceNumber: 5_000, timestamp: 0, arrival: 0) == .jumped)
        #expect(stats.record(sequenceNumber: 5_001, timestamp: 0, arrival: 0) == .restarted)
        #expect(stats.restarts == 1)
        #expect(stats.baseSequence == 5_001)
        #expect(stats.expected == 1)
        Self.feed(&stats, Array(5_002...5_010))
        // 2...11 before the restart, 5001...5010 after; 5000 was never counted.
        #expect(stats.totalExpected == 20)
        #expect(stats.totalReceived == 20)
        #expect(stats.totalLost == 0)
    }

    @Test func aPacketFarBehindIsAJumpNotALatePacket() {
        var stats = RTPReceptionStatistics()
        Self.feed(&stats, Array(1...249) + Array(251...300))
        // 150 behind the highest: beyond MAX_MISORDER (100).
        #expect(stats.record(sequenceNumber: 150, timestamp: 0, arrival: 0) == .jumped)
        #expect(stats.record(sequenceNumber: 250, timestamp: 0, arrival: 0) == .reordered)
        #expect(stats.reordered == 1)
        #expect(stats.lost == 0)
    }

    /// RFC 3550 §A.8 by hand: packets 3000 ticks apart arrive with relative transit times
    /// 100, 100, 260, 100. D = 0, 160, 160, so J = 0, 160/16 = 10, 10 + (160 − 10)/16 = 19.375.
    @Test func jitterFollowsTheWorkedExample() {
        var stats = RTPReceptionStatistics()
        let packets: [(seq: UInt16, timestamp: UInt32, arrival: UInt32)] = [
            (1, 0, 100), (2, 3_000, 3_100), (3, 6_000, 6_260), (4, 9_000, 9_100),
        ]
        var after: [Double] = []
        for packet in packets {
            stats.record(sequenceNumber: packet.seq, timestamp: packet.timestamp, arrival: packet.arrival)
            after.append(stats.jitter)
        }
        #expect(after == [0, 0, 10, 19.375])
        #expect(stats.jitterTicks == 19)
        #expect(stats.jitterSeconds(clockRate: 90_000) == 19.375 / 90_000)
    }

    @Test func jitterSurvivesTimestampAndArrivalWrap() {
        var stats = RTPReceptionStatistics(minSequential: 1)
        stats.record(sequenceNumber: 1, timestamp: UInt32.max - 1_000, arrival: 5)
        stats.record(sequenceNumber: 2, timestamp: UInt32.max &+ 2_001, arrival: 3_022)
        // Transit went from 1006 to 1022 across the timestamp's wrap: J = 16/16 = 1.
        #expect(stats.jitter == 1)
    }

    @Test func duplicatesLeaveJitterAlone() {
        var stats = RTPReceptionStatistics(minSequential: 1)
        stats.record(sequenceNumber: 1, timestamp: 0, arrival: 0)
        stats.record(sequenceNumber: 1, timestamp: 0, arrival: 90_000)
        #expect(stats.jitter == 0)
    }

    @Test func buildsAReportBlock() {
        var stats = RTPReceptionStatistics()
        Self.feed(&stats, Array(65_000...65_535) + Array(0...99))
        let ratioBefore = stats.lossRatio
        Self.feed(&stats, Array(200...299))
        #expect(stats.lossRatio > ratioBefore)
        let block = stats.reportBlock(ssrc: 0xCAFE, lastSR: 0x1234_5678, delaySinceLastSR: 65_536)
        #expect(block.ssrc == 0xCAFE)
        #expect(block.extendedHighestSequence == 65_536 + 299)
        #expect(block.cumulativeLost == 100)
        #expect(block.fractionLost == UInt8((100 << 8) / 835))
        #expect(block.lastSR == 0x1234_5678)
        #expect(block.delaySinceLastSR == 65_536)
        #expect(stats.reportBlock(ssrc: 0xCAFE).fractionLost == 0)
    }
}

@Suite("RTPSequenceWindow")
struct RTPSequenceWindowTests {
    @Test func shiftsAcrossTheWordBoundary() {
        var window = RTPSequenceWindow()
        window.mark(distance: 0)
        window.mark(distance: 10)
        window.advance(by: 60)
        #expect(window.contains(distance: 60))
        #expect(window.contains(distance: 70))
        #expect(window.contains(distance: 0))
        #expect(!window.contains(distance: 1))
        window.advance(by: 57)
        #expect(window.contains(distance: 117))
        #expect(window.contains(distance: 127))
        #expect(window.contains(distance: 57))
        window.advance(by: 1)
        #expect(!window.contains(distance: 128))
        #expect(window.contains(distance: 118))
        window.advance(by: 200)
        #expect(window.contains(distance: 0))
        #expect(!window.contains(distance: 119))
    }
}
