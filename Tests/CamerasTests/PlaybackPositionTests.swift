import H264
import Testing
@testable import Cameras

@Suite("Playback positions")
struct PlaybackPositionTests {
    static let start: Int64 = 1_795_564_800 * 1_000_000_000
    static let second: Int64 = 1_000_000_000
    static let now = start + 48 * 3600 * second

    /// 10 fps, 100 s long, no footage from 50 s to 60 s.
    static func position(loops: Bool = false) -> PlaybackPosition {
        PlaybackPosition(
            timeline: RecordingTimeline(
                frameRate: FrameRate(numerator: 10), startNanoseconds: start, endNanoseconds: start + 100 * second,
                gaps: [(start + 50 * second)..<(start + 60 * second)]),
            loops: loops)
    }

    static func indices(_ position: inout PlaybackPosition, _ count: Int) -> [Int64?] {
        (0..<count).map { _ in
            if case .frame(let slot, _) = position.next(now: now) { return slot.index }
            return nil
        }
    }

    @Test func aSeekShowsTheFrameAtOrAfterTheInstantFirst() throws {
        var position = Self.position()
        let sought = position.seek(toNanoseconds: Self.start + 10 * Self.second + 1, now: Self.now)
        let slot = try #require(sought)
        #expect(slot.index == 101)
        #expect(position.next(now: Self.now) == .frame(slot, discontinuity: true))
        #expect(Self.indices(&position, 3) == [102, 103, 104])
    }

    @Test func outsideTheRecordingIsNoSeek() {
        var position = Self.position()
        #expect(position.seek(toNanoseconds: Self.start + 100 * Self.second, now: Self.now) == nil)
        #expect(position.pending == nil)
    }

    @Test func scaleStepsSeveralSlotsOrRepeatsOne() throws {
        var position = Self.position()
        position.setScale(2)
        #expect(position.seek(toNanoseconds: Self.start, now: Self.now) != nil)
        #expect(Self.indices(&position, 4) == [0, 2, 4, 6])
        position.setScale(0.5)
        #expect(Self.indices(&position, 4) == [6, 7, 7, 8])
    }

    @Test func negativeScalePlaysBackwardsToTheStart() throws {
        var position = Self.position()
        position.setScale(-1)
        #expect(position.seek(toNanoseconds: Self.start + 2 * Self.second / 10, now: Self.now) != nil)
        #expect(Self.indices(&position, 4) == [2, 1, 0, nil])
    }

    @Test func aGapIsSkippedEitherWayAsADiscontinuity() throws {
        var position = Self.position()
        #expect(position.seek(toNanoseconds: Self.start + 499 * Self.second / 10, now: Self.now) != nil)
        #expect(Self.indices(&position, 1) == [499])
        guard case .frame(let slot, let discontinuity) = position.next(now: Self.now) else { Issue.record("ended"); return }
        #expect(slot.index == 600 && discontinuity)
        position.setScale(-1)
        guard case .frame(let back, let backJump) = position.next(now: Self.now) else { Issue.record("ended"); return }
        #expect(back.index == 499 && backJump)
    }

    @Test func theEndEndsOrLoops() throws {
        var ending = Self.position()
        #expect(ending.seek(toNanoseconds: Self.start + 999 * Self.second / 10, now: Self.now) != nil)
        #expect(Self.indices(&ending, 2) == [999, nil])
        var looping = Self.position(loops: true)
        #expect(looping.seek(toNanoseconds: Self.start + 999 * Self.second / 10, now: Self.now) != nil)
        #expect(Self.indices(&looping, 2) == [999, 0])
    }

    @Test func resumeContinuesAfterTheLastFrameSent() throws {
        var position = Self.position()
        #expect(position.seek(toNanoseconds: Self.start, now: Self.now) != nil)
        #expect(Self.indices(&position, 5) == [0, 1, 2, 3, 4])
        // Frame 4 was encoded but never sent: resume after frame 3.
        let sent = RecordingTimeline.Slot(index: 3, instantNanoseconds: Self.start + 3 * Self.second / 10, afterGap: false)
        #expect(position.resume(after: sent, now: Self.now)?.index == 4)
        #expect(Self.indices(&position, 2) == [4, 5])
    }
}

extension PlaybackPositionTests {
    @Test func aFrameAlreadyOnItsWayDoesNotTakeASeek() {
        var position = Self.position()
        #expect(position.seek(toNanoseconds: Self.start, now: Self.now) != nil)
        #expect(Self.indices(&position, 2) == [0, 1])
        #expect(position.seek(toNanoseconds: Self.start + 30 * Self.second, now: Self.now) != nil)
        // Encoded for nobody: the old position moves on.
        #expect(position.next(now: Self.now, startsViewer: false) == .frame(
            .init(index: 2, instantNanoseconds: Self.start + 2 * Self.second / 10, afterGap: false), discontinuity: false))
        // The IDR the viewer's join asked for shows the frame sought.
        guard case .frame(let slot, true) = position.next(now: Self.now, startsViewer: true) else {
            Issue.record("no discontinuity")
            return
        }
        #expect(slot.index == 300)
    }
}
