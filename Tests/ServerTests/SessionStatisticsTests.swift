import Cameras
import Faults
import NIOCore
import NIOEmbedded
import RTP
import RTSP
import Testing
@testable import Server

/// What a session counts: packets and bytes to its viewer and the stream's totals, the
/// receiver reports that arrive interleaved on its connection, requests and fault counts.
@Suite struct SessionStatisticsTests {
    /// An RTP packet of `size` bytes under `ssrc` (RFC 3550 §5.1 fixed header, then zeros).
    static func packet(size: Int, ssrc: UInt32, sequence: UInt16) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt8(0x80))
        buffer.writeInteger(UInt8(96))
        buffer.writeInteger(sequence)
        buffer.writeInteger(UInt32(0))
        buffer.writeInteger(ssrc)
        buffer.writeRepeatingByte(0, count: size - 12)
        return buffer
    }

    static func delivery(ssrc: UInt32, sizes: [Int], frame: Int64) -> RTPDelivery {
        RTPDelivery(
            packets: sizes.enumerated().map { packet(size: $1, ssrc: ssrc, sequence: UInt16($0)) },
            rtpTimestamp: 0, firstSequenceNumber: 0, ssrc: ssrc, isIDR: true,
            payloadOctets: sizes.reduce(0, +) - 12 * sizes.count, captureWallClockNanos: 0, frameIndex: frame)
    }

    @Test func viewerCountsWhatItSendsAndAddsItToTheStream() throws {
        let loop = EmbeddedEventLoop()
        let camera = CameraFaultState(profile: .empty, catalog: [:], seed: 1, origin: 0)
        let stream = StreamViewerStatistics()
        let viewer = SessionViewer(
            transport: FakeMediaTransport(eventLoop: loop),
            faults: ViewerFaults(camera: camera, overlay: .empty, seed: 2, origin: 0),
            cname: "c", clock: FakeClock(), statistics: stream, sessionID: "s1", streamName: "main",
            onStart: { _, _ in }, onEnd: {})
        viewer.deliver(Self.delivery(ssrc: 7, sizes: [1_200, 300], frame: 0))
        viewer.deliver(Self.delivery(ssrc: 7, sizes: [500], frame: 1))
        let future = viewer.statistics()
        loop.run()
        let statistics = try future.wait()
        #expect(statistics.packetsSent == 3)
        #expect(statistics.bytesSent == 2_000)
        #expect(stream.packetsSent.load(ordering: .relaxed) == 3)
        #expect(stream.bytesSent.load(ordering: .relaxed) == 2_000)
        #expect(statistics.reception == nil)
    }

    @Test func aDroppedPacketIsNotCountedAsSent() throws {
        let loop = EmbeddedEventLoop()
        let camera = CameraFaultState(profile: try FaultProfile.parse(query: [("loss", "100")], catalog: [:]).profile,
                                      catalog: [:], seed: 1, origin: 0)
        let stream = StreamViewerStatistics()
        let viewer = SessionViewer(
            transport: FakeMediaTransport(eventLoop: loop),
            faults: ViewerFaults(camera: camera, overlay: .empty, seed: 2, origin: 0),
            cname: "c", clock: FakeClock(), statistics: stream, sessionID: "s1", streamName: "main",
            onStart: { _, _ in }, onEnd: {})
        viewer.deliver(Self.delivery(ssrc: 7, sizes: [1_200, 300], frame: 0))
        let future = viewer.statistics()
        loop.run()
        let statistics = try future.wait()
        #expect(statistics.packetsSent == 0)
        #expect(statistics.faults.packetsDroppedByCause["random_loss"] == 2)
        // The camera's running totals include the live session.
        #expect(camera.tallyByStream["main"]?.network.droppedRandom == 2)
    }

    @Test func interleavedReceiverReportFillsTheSessionsReception() throws {
        let server = FakeRTSPServer()
        defer { server.shutdown() }
        let client = try server.connect()
        let id = try client.setUp("rtsp://camsim.test/cam")
        let session = try #require(server.sessions.session(id: id))
        let viewer = try #require(session.viewer)
        let ssrc = session.stream.identity.ssrc
        viewer.deliver(Self.delivery(ssrc: ssrc, sizes: [400], frame: 0))
        client.channel.embeddedEventLoop.run()
        _ = try client.responses()

        let report = RTCPCompound.serialize([.receiverReport(RTCPReceiverReport(ssrc: 0x5EED, reportBlocks: [
            RTCPReportBlock(ssrc: ssrc, fractionLost: 64, cumulativeLost: 3, jitter: 900),
        ]))])
        var frame = ByteBuffer(bytes: [UInt8(ascii: "$"), 1])
        frame.writeInteger(UInt16(report.count))
        frame.writeBytes(report)
        try client.channel.writeInbound(frame)
        client.channel.embeddedEventLoop.run()

        let future = viewer.statistics()
        client.channel.embeddedEventLoop.run()
        let reception = try #require(try future.wait().reception)
        #expect(reception.fractionLost == 0.25)
        #expect(reception.cumulativeLost == 3)
        #expect(abs(reception.jitterSeconds - 0.01) < 1e-12)
        #expect(reception.roundTripSeconds == nil)
        #expect(reception.count == 1)
        #expect(session.stream.viewerStatistics.reportedLoss.snapshot.count == 1)
        client.close()
    }

    @Test func answeredRequestsAreCountedByMethodAndStatus() throws {
        let server = FakeRTSPServer()
        defer { server.shutdown() }
        let client = try server.connect()
        _ = try client.answer("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n")
        _ = try client.answer("DESCRIBE rtsp://camsim.test/nothing RTSP/1.0\r\nCSeq: 2\r\n\r\n")
        _ = try client.answer("FROB rtsp://camsim.test/cam RTSP/1.0\r\nCSeq: 3\r\n\r\n")
        let counts = server.environment.activity.requestCounts
        #expect(counts[.init(method: "OPTIONS", status: 200)] == 1)
        #expect(counts[.init(method: "DESCRIBE", status: 404)] == 1)
        #expect(counts[.init(method: "OTHER", status: 501)] == 1)
        #expect(counts[.init(method: "FROB", status: 501)] == nil)
        client.close()
    }

    @Test func anEndedSessionsFaultsMoveToTheTotalsOnce() {
        let camera = CameraFaultState(profile: .empty, catalog: [:], seed: 1, origin: 0)
        var tally = FaultTally()
        tally.network.droppedOutage = 5
        camera.publish(tally, session: "a", stream: "main")
        #expect(camera.tallyByStream["main"]?.network.droppedOutage == 5)
        tally.network.droppedOutage = 7
        camera.record(tally, session: "a", stream: "main")
        #expect(camera.tallyByStream["main"]?.network.droppedOutage == 7)
        #expect(camera.tally.network.droppedOutage == 7)
    }
}
