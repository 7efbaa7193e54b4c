import H264
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing
@testable import Cameras

/// A proxy stream relaying a fake upstream on an embedded event loop, with a fake clock.
@Suite struct ProxyRelayTests {
    let loop = EmbeddedEventLoop()
    let clock = FakeClock()
    let upstream = FakeUpstream()
    static let pool = NIOThreadPool(numberOfThreads: 1)

    func stream(gopCache: Bool = true, alwaysOn: Bool = false, outageSeconds: Int64 = 10) -> CameraStream {
        var definition = StreamDefinition(
            cameraName: "proxy", encoder: EncoderSettings(width: 320, height: 240, frameRate: FrameRate(numerator: 25)),
            alwaysOn: alwaysOn, seed: 7, makeSource: { _, _ in throw CancellationError() })
        definition.proxy = ProxySettings(
            upstream: upstream, gopCacheBytes: gopCache ? 1 << 20 : nil,
            reconnectInitialNanoseconds: 500_000_000, reconnectMaximumNanoseconds: 4_000_000_000,
            outageNanoseconds: outageSeconds * 1_000_000_000)
        let stream = CameraStream(definition: definition, eventLoop: loop, encodePool: Self.pool, clock: clock)
        loop.run()
        return stream
    }

    /// The future's result once the loop has run.
    func settled<T: Sendable>(_ future: EventLoopFuture<T>) -> Result<T, any Error> {
        let box = NIOLockedValueBox<Result<T, any Error>?>(nil)
        future.whenComplete { result in box.withLockedValue { $0 = result } }
        loop.run()
        return box.withLockedValue { $0 } ?? .failure(CancellationError())
    }

    /// Moves the fake clock and the loop's timers to `nanoseconds` past the start.
    func advance(by nanoseconds: Int64) {
        clock.advance(by: nanoseconds)
        loop.advanceTime(to: .uptimeNanoseconds(UInt64(clock.now)))
    }

    @Test func describeAnswersWithTheUpstreamsParameterSets() throws {
        let stream = stream()
        let answer = stream.parameterSets()
        loop.run()
        #expect(upstream.opened == 1)
        upstream.describe()
        loop.run()
        #expect(try settled(answer).get() == FakeUpstream.parameterSets)
        #expect(try settled(stream.upstreamFrameRate()).get() == 25)
    }

    @Test func everyViewerSharesOneUpstreamSession() throws {
        let stream = stream()
        let first = RecordingViewer()
        let second = RecordingViewer()
        stream.play(first)
        stream.play(second)
        loop.run()
        upstream.describe()
        for (index, idr) in [true, false, false, true].enumerated() {
            upstream.unit(idr: idr, timestamp: 1_000 + UInt32(index) * 3_600)
        }
        loop.run()
        #expect(upstream.opened == 1)
        #expect(first.units.count == 4)
        #expect(first.units == second.units)
        #expect(first.sequenceIsContinuous)
        #expect(first.started?.sequenceNumber == first.units[0].firstSequenceNumber)
        // The stream's own timestamp base, the upstream's spacing.
        #expect(first.units[1].timestamp &- first.units[0].timestamp == 3_600)
        #expect(first.units[0].timestamp == stream.identity.timestampBase)
    }

    @Test func aJoiningViewerStartsAtOnceFromTheCachedGOP() throws {
        let stream = stream()
        let early = RecordingViewer()
        stream.play(early)
        loop.run()
        upstream.describe()
        upstream.unit(idr: false, timestamp: 0)  // before the first IDR: relayed to nobody
        for index in 0..<3 { upstream.unit(idr: index == 0, timestamp: UInt32(index + 1) * 3_600) }
        loop.run()
        let late = RecordingViewer()
        stream.play(late)
        loop.run()
        #expect(late.units == early.units, "the whole GOP, at once")
        #expect(late.started?.sequenceNumber == early.units[0].firstSequenceNumber)
        upstream.unit(idr: false, timestamp: 4 * 3_600)
        loop.run()
        #expect(late.units.count == 4 && late.sequenceIsContinuous)
    }

    @Test func withoutTheGOPCacheAJoiningViewerWaitsForTheNextIDR() throws {
        let stream = stream(gopCache: false, alwaysOn: true)
        upstream.describe()
        upstream.unit(idr: true, timestamp: 0)
        upstream.unit(idr: false, timestamp: 3_600)
        loop.run()
        let late = RecordingViewer()
        stream.play(late)
        loop.run()
        #expect(late.units.isEmpty)
        upstream.unit(idr: false, timestamp: 7_200)
        upstream.unit(idr: true, timestamp: 10_800)
        loop.run()
        #expect(late.units.map(\.isIDR) == [true])
    }

    @Test func theIDRCarriesTheParameterSetsInBand() throws {
        let stream = stream(alwaysOn: true)
        let viewer = RecordingViewer()
        stream.play(viewer)
        upstream.describe()
        upstream.unit(idr: true, timestamp: 0, size: 50)
        loop.run()
        // The SPS and PPS from the SDP go ahead of the slice, which alone would be one packet.
        #expect((viewer.units.first?.packets ?? 0) >= 2)
    }

    @Test func aDescribeWhileUpstreamIsDownIsRefusedWithRetryAfter() throws {
        let stream = stream(alwaysOn: true)
        upstream.send(.closed(reason: "connection refused"))
        loop.run()
        let answer = stream.parameterSets()
        loop.run()
        #expect(throws: ProxyRefusal.upstreamUnavailable(retryAfterSeconds: 1)) { try settled(answer).get() }
    }

    @Test func anUnsupportedCodecIsRefusedAtDescribe() throws {
        let stream = stream()
        let answer = stream.parameterSets()
        loop.run()
        upstream.describe("H265")
        loop.run()
        #expect(throws: ProxyRefusal.unsupportedCodec("H265")) { try settled(answer).get() }
        #expect(upstream.closed == 1)
    }

    @Test func playingViewersResumeAtTheNextIDRAfterAShortOutage() throws {
        let stream = stream()
        let viewer = RecordingViewer()
        stream.play(viewer)
        loop.run()
        upstream.describe()
        upstream.unit(idr: true, timestamp: 100)
        loop.run()
        upstream.send(.closed(reason: "reset by peer"))
        loop.run()
        advance(by: 500_000_000)
        #expect(upstream.opened == 2, "reconnected after the first backoff delay")
        upstream.describe()
        upstream.unit(idr: false, timestamp: 900_000)  // not a starting point
        upstream.unit(idr: true, timestamp: 903_600)
        loop.run()
        #expect(viewer.units.map(\.isIDR) == [true, true])
        #expect(viewer.sequenceIsContinuous)
        // Half a second passed: the timeline moved on 45,000 ticks, whatever upstream's new base.
        #expect(viewer.units[1].timestamp &- viewer.units[0].timestamp == 45_000)
        advance(by: 10_000_000_000)
        #expect(!viewer.ended)
        #expect(stream.upstreamStatus?.reconnects == 1)
    }

    @Test func viewersAreEndedWhenTheOutageOutlastsItsWindow() throws {
        let stream = stream(outageSeconds: 2)
        let viewer = RecordingViewer()
        stream.play(viewer)
        loop.run()
        upstream.describe()
        upstream.unit(idr: true, timestamp: 0)
        upstream.send(.closed(reason: "gone"))
        loop.run()
        advance(by: 500_000_000)
        upstream.send(.closed(reason: "refused"))
        loop.run()
        #expect(!viewer.ended)
        advance(by: 1_500_000_000)
        #expect(viewer.ended)
        #expect(stream.upstreamStatus?.failures == 2)
    }
}
