import Cameras
import CTurboJPEG
import Frames
import NIOCore
import NIOPosix
@testable import Snapshots
import Testing

/// Snapshots of idle streams driven by a manual clock.
@Suite
struct SnapshotterTests {
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    /// The decoded luma at the picture's centre, its width and height.
    static func decode(_ jpeg: [UInt8]) throws -> (width: Int, height: Int, centreLuma: UInt8) {
        guard let handle = tjInitDecompress() else { throw DecodeFailure() }
        defer { tjDestroy(handle) }
        var bytes = jpeg
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourspace: Int32 = 0
        guard tjDecompressHeader3(handle, &bytes, UInt(bytes.count), &width, &height, &subsampling, &colourspace) == 0 else {
            throw DecodeFailure()
        }
        var grey = [UInt8](repeating: 0, count: Int(width * height))
        let status = grey.withUnsafeMutableBufferPointer {
            tjDecompress2(handle, &bytes, UInt(bytes.count), $0.baseAddress, width, 0, height, Int32(TJPF_GRAY.rawValue), 0)
        }
        guard status == 0 else { throw DecodeFailure() }
        return (Int(width), Int(height), grey[Int(height / 2 * width + width / 2)])
    }

    struct DecodeFailure: Error {}

    /// The JFIF (full-range) luma of a limited-range level.
    static func fullRange(_ level: UInt8) -> Int { Int((Double(Int(level) - 16) * 255 / 219).rounded()) }

    @Test
    func snapshotIsAJPEGOfTheStreamSizeForTheSlotDueNow() async throws {
        let fixture = StreamFixture(on: Self.group, pool: Self.pool)
        let snapshotter = Snapshotter(threadPool: Self.pool)
        let first = try await snapshotter.snapshot(of: fixture.stream)
        #expect(first.size == PictureSize(width: 640, height: 360))
        let decoded = try Self.decode(first.jpeg)
        #expect(decoded.width == 640 && decoded.height == 360)
        #expect(first.frameIndex == 0)
        #expect(abs(Int(decoded.centreLuma) - Self.fullRange(FrameLevelSource.level(ofFrame: 0))) <= 1)

        // 2.35 s later at 10 fps: slot 23.
        fixture.clock.advance(seconds: 2.35)
        let later = try await snapshotter.snapshot(of: fixture.stream)
        #expect(later.frameIndex == 23)
        #expect(later.wallClockNanos - first.wallClockNanos == 2_300_000_000)
        let laterLuma = try Self.decode(later.jpeg).centreLuma
        #expect(abs(Int(laterLuma) - Self.fullRange(FrameLevelSource.level(ofFrame: 23))) <= 1)
    }

    @Test
    func oneRendererPerStreamAndNoRedrawWithinASlot() async throws {
        let fixture = StreamFixture(on: Self.group, pool: Self.pool)
        let snapshotter = Snapshotter(threadPool: Self.pool)
        let a = try await snapshotter.snapshot(of: fixture.stream)
        let b = try await snapshotter.snapshot(of: fixture.stream)
        let c = try await snapshotter.snapshot(of: fixture.stream, width: 160)
        #expect(a.jpeg == b.jpeg)
        #expect(c.size == PictureSize(width: 160, height: 90))
        fixture.clock.advance(seconds: 0.1)
        _ = try await snapshotter.snapshot(of: fixture.stream, width: 160)
        let counts = fixture.counts.withLockedValue { $0 }
        #expect(counts.sourcesMade == 1)
        #expect(counts.framesDrawn == 2, "one draw per frame slot, whatever the width")
        #expect(snapshotter.rendererCount == 1)
    }

    @Test
    func concurrentRequestsShareTheRenderer() async throws {
        let fixture = StreamFixture(on: Self.group, pool: Self.pool)
        let snapshotter = Snapshotter(threadPool: NIOThreadPool.singleton)
        let sizes = try await withThrowingTaskGroup(of: PictureSize.self) { group in
            for index in 0..<16 {
                group.addTask { try await snapshotter.snapshot(of: fixture.stream, width: index % 2 == 0 ? nil : 320).size }
            }
            return try await group.reduce(into: [PictureSize]()) { $0.append($1) }
        }
        #expect(sizes.count == 16)
        #expect(Set(sizes) == [PictureSize(width: 640, height: 360), PictureSize(width: 320, height: 180)])
        #expect(fixture.counts.withLockedValue { $0.sourcesMade } == 1)
    }

    @Test
    func aFrozenPictureStaysOnTheSlotBeforeTheFreeze() async throws {
        // Frozen from 2 s after the clock's origin (the fixture's clock starts at 1 s).
        let faults = PictureFaults(isFrozen: { $0 >= 2_000_000_000 }, resolution: { _ in nil })
        let fixture = StreamFixture(pictureFaults: faults, on: Self.group, pool: Self.pool)
        let snapshotter = Snapshotter(threadPool: Self.pool)
        let before = try await snapshotter.snapshot(of: fixture.stream)
        fixture.clock.advance(seconds: 0.5)
        let stillMoving = try await snapshotter.snapshot(of: fixture.stream)
        #expect(stillMoving.frameIndex == before.frameIndex + 5)
        fixture.clock.advance(seconds: 1.5)
        let frozen = try await snapshotter.snapshot(of: fixture.stream)
        #expect(frozen.frameIndex == stillMoving.frameIndex)
        #expect(frozen.jpeg == stillMoving.jpeg)
    }

    @Test
    func aResolutionFaultChangesTheSnapshotSize() async throws {
        let faults = PictureFaults(isFrozen: { _ in false }, resolution: { _ in PictureSize(width: 320, height: 240) })
        let fixture = StreamFixture(pictureFaults: faults, on: Self.group, pool: Self.pool)
        let snapshot = try await Snapshotter(threadPool: Self.pool).snapshot(of: fixture.stream)
        #expect(snapshot.size == PictureSize(width: 320, height: 240))
        #expect(try Self.decode(snapshot.jpeg).width == 320)
        #expect(fixture.counts.withLockedValue { $0.sizes } == [PictureSize(width: 320, height: 240)])
    }

    @Test
    func renderersAreKeptWithinTheByteBudget() async throws {
        let small = StreamSnapshotRenderer.estimatedBytes(of: PictureSize(width: 64, height: 36))
        let snapshotter = Snapshotter(budgetBytes: 2 * small, threadPool: Self.pool)
        let fixtures = (0..<3).map { _ in StreamFixture(width: 64, height: 36, on: Self.group, pool: Self.pool) }
        for fixture in fixtures { _ = try await snapshotter.snapshot(of: fixture.stream) }
        #expect(snapshotter.rendererCount == 2)
        #expect(snapshotter.rendererBytes == 2 * small)
        // The first was least recently used, so it was dropped and is made again.
        _ = try await snapshotter.snapshot(of: fixtures[0].stream)
        #expect(fixtures[0].counts.withLockedValue { $0.sourcesMade } == 2)
        #expect(fixtures[2].counts.withLockedValue { $0.sourcesMade } == 1)
    }

    @Test
    func aLargeStreamTakesThePlaceOfSeveralSmallOnes() async throws {
        let small = StreamSnapshotRenderer.estimatedBytes(of: PictureSize(width: 64, height: 36))
        let large = StreamSnapshotRenderer.estimatedBytes(of: PictureSize(width: 128, height: 72))
        #expect(large == 4 * small)
        let snapshotter = Snapshotter(budgetBytes: 5 * small, threadPool: Self.pool)
        let smalls = (0..<5).map { _ in StreamFixture(width: 64, height: 36, on: Self.group, pool: Self.pool) }
        for fixture in smalls { _ = try await snapshotter.snapshot(of: fixture.stream) }
        #expect(snapshotter.rendererCount == 5)
        // A count bound would keep five renderers whatever their sizes; the bytes bound
        // drops the four least recently used small ones to make room.
        let big = StreamFixture(width: 128, height: 72, on: Self.group, pool: Self.pool)
        _ = try await snapshotter.snapshot(of: big.stream)
        #expect(snapshotter.rendererCount == 2)
        #expect(snapshotter.rendererBytes <= 5 * small)
        _ = try await snapshotter.snapshot(of: smalls[4].stream)
        #expect(smalls[4].counts.withLockedValue { $0.sourcesMade } == 1, "the most recent small renderer was kept")
    }

    @Test
    func oneRendererIsKeptEvenWhenLargerThanTheBudget() async throws {
        let snapshotter = Snapshotter(budgetBytes: 1, threadPool: Self.pool)
        let fixture = StreamFixture(width: 64, height: 36, on: Self.group, pool: Self.pool)
        _ = try await snapshotter.snapshot(of: fixture.stream)
        _ = try await snapshotter.snapshot(of: fixture.stream)
        #expect(snapshotter.rendererCount == 1)
        #expect(fixture.counts.withLockedValue { $0.sourcesMade } == 1)
    }

    @Test
    func theDefaultBudgetHoldsTenFullHDRenderers() {
        let fullHD = StreamSnapshotRenderer.estimatedBytes(of: PictureSize(width: 1920, height: 1080))
        #expect(Snapshotter.defaultBudgetBytes / fullHD == 10)
    }
}
