import Frames
import H264
import Testing
@testable import Cameras

@Suite("Recording timelines")
struct RecordingTimelineTests {
    /// 2026-11-25T00:00:00Z.
    static let start: Int64 = 1_795_564_800 * 1_000_000_000
    static let second: Int64 = 1_000_000_000
    static let hour = 3600 * second

    static func timeline(fps: FrameRate = FrameRate(numerator: 30), end: Int64? = start + 24 * hour, gaps: [Range<Int64>] = []) -> RecordingTimeline {
        RecordingTimeline(frameRate: fps, startNanoseconds: start, endNanoseconds: end, gaps: gaps)
    }

    @Test func seekingIsFrameExact() throws {
        let t = Self.timeline()
        let now = Self.start + 48 * Self.hour
        // On a slot: that slot. 3600 s at 30 fps is slot 108 000.
        let onSlot = try #require(t.firstSlot(atOrAfter: Self.start + 3600 * Self.second, now: now))
        #expect(onSlot == .init(index: 108_000, instantNanoseconds: Self.start + 3600 * Self.second, afterGap: false))
        // One nanosecond after a slot: the next one, never the one before.
        let after = try #require(t.firstSlot(atOrAfter: Self.start + 3600 * Self.second + 1, now: now))
        #expect(after.index == 108_001 && after.instantNanoseconds == Self.start + 3600 * Self.second + 33_333_333)
        // Before the start: the first frame.
        #expect(t.firstSlot(atOrAfter: Self.start - Self.hour, now: now)?.index == 0)
    }

    /// At 29.97 fps slot instants are not whole nanoseconds; every instant between two
    /// slots seeks to the later one.
    @Test func ntscRatesSeekToTheNextSlot() throws {
        let t = Self.timeline(fps: FrameRate(numerator: 30000, denominator: 1001))
        let now = Self.start + 48 * Self.hour
        for k: Int64 in [1, 2, 29, 30, 1799, 107_892] {
            let slot = t.instant(ofSlot: k), previous = t.instant(ofSlot: k - 1)
            #expect(t.firstSlot(atOrAfter: slot, now: now)?.index == k)
            #expect(t.firstSlot(atOrAfter: previous + 1, now: now)?.index == k)
            #expect(t.firstSlot(atOrAfter: slot + 1, now: now)?.index == k + 1)
        }
        #expect(t.instant(ofSlot: 30) == Self.start + 1_001_000_000)
    }

    @Test func gapsAreSkippedWithADiscontinuity() throws {
        let gap = (Self.start + 10 * Self.second)..<(Self.start + 20 * Self.second)
        let t = Self.timeline(gaps: [gap])
        let now = Self.start + 48 * Self.hour
        // The last frame before the gap is slot 299 (9.967 s); the next is slot 600 (20 s).
        let before = try #require(t.firstSlot(atOrAfter: Self.start + 9_900_000_000, now: now))
        #expect(before.index == 297)
        let last = try #require(t.slot(after: 298, now: now))
        #expect(last == .init(index: 299, instantNanoseconds: t.instant(ofSlot: 299), afterGap: false))
        let jumped = try #require(t.slot(after: 299, now: now))
        #expect(jumped == .init(index: 600, instantNanoseconds: gap.upperBound, afterGap: true))
        // Seeking into the gap starts at its end.
        #expect(t.firstSlot(atOrAfter: Self.start + 15 * Self.second, now: now)?.index == 600)
        // Backwards, the gap is skipped the other way.
        let back = try #require(t.slot(before: 600))
        #expect(back == .init(index: 299, instantNanoseconds: t.instant(ofSlot: 299), afterGap: true))
        #expect(t.slot(before: 1) == .init(index: 0, instantNanoseconds: Self.start, afterGap: false))
        #expect(t.slot(before: 0) == nil)
        #expect(t.gap(containing: gap.lowerBound) == gap && t.gap(containing: gap.upperBound) == nil)
    }

    @Test func overlappingGapsAreMerged() {
        let s = Self.start, g = Self.second
        let t = Self.timeline(gaps: [(s + 5 * g)..<(s + 8 * g), (s + g)..<(s + 3 * g), (s + 2 * g)..<(s + 4 * g), (s + 4 * g)..<(s + 5 * g), s..<s])
        #expect(t.gaps == [(s + g)..<(s + 8 * g)])
    }

    @Test func theEndIsExclusive() throws {
        let end = Self.start + 10 * Self.second
        let t = Self.timeline(end: end)
        #expect(t.firstSlot(atOrAfter: end, now: end + Self.hour) == nil)
        #expect(t.slot(after: 299, now: end + Self.hour) == nil)
        let last = try #require(t.lastSlot(now: end + Self.hour))
        #expect(last.index == 299)
        #expect(t.contains(end - 1, now: end + Self.hour) && !t.contains(end, now: end + Self.hour))
        #expect(!t.contains(Self.start - 1, now: end))
        // A gap at the very end leaves the last frame before it.
        let gapped = Self.timeline(end: end, gaps: [(end - Self.second)..<end])
        #expect(gapped.lastSlot(now: end)?.index == 269)
    }

    @Test func aGrowingRecordingEndsNow() throws {
        let t = Self.timeline(end: nil)
        #expect(t.isGrowing)
        let now = Self.start + 60 * Self.second + 5
        #expect(t.duration(now: now) == 60 * Self.second + 5)
        #expect(t.lastSlot(now: now)?.index == 1800)
        #expect(t.firstSlot(atOrAfter: now, now: now) == nil)
        // Later, the same instant has footage.
        #expect(t.firstSlot(atOrAfter: now, now: now + Self.second)?.index == 1801)
    }

    @Test func normalPlayTimeCountsFromTheStart() {
        let t = Self.timeline(gaps: [(Self.start + Self.hour)..<(Self.start + 2 * Self.hour)])
        #expect(t.instant(normalPlayTime: 3600) == Self.start + Self.hour)
        #expect(t.normalPlayTime(of: Self.start + 7_200_500_000_000) == 7200.5)
        #expect(t.instant(normalPlayTime: t.normalPlayTime(of: Self.start + 123_456_789)) == Self.start + 123_456_789)
    }
}

@Suite("Recorded frames' pictures")
struct RecordingFrameContextTests {
    /// The timecode scene's QR text for a recorded frame reads that frame's slot.
    @Test func theClockShowsTheRecordedInstant() throws {
        let t = RecordingTimelineTests.timeline()
        let slot = try #require(t.firstSlot(atOrAfter: RecordingTimelineTests.start + 3600 * RecordingTimelineTests.second + 1, now: .max))
        let context = t.frameContext(for: slot, cameraName: "lobby", seed: 3)
        let text = try TextTemplate("{time:%Y-%m-%dT%H:%M:%S.%fZ} {frame} {media_time}").render(context: context, width: 2, height: 2)
        #expect(text == "2026-11-25T01:00:00.033Z 108001 3600.033")
        #expect(context.frameRate == 30 && context.cameraName == "lobby" && context.seed == 3)
    }
}
