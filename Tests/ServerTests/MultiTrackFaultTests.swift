import Cameras
import Faults
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import RTP
import Testing
@testable import Server

/// Faults and counts of a session with a video and an audio track: frame faults act on
/// the video only, RTP-Info carries the shift the audio's packets get, and the session
/// counts once with both tracks' counts added up.
@Suite struct MultiTrackFaultTests {
    /// A transport that keeps what it is given.
    final class RecordingTransport: MediaTransport, @unchecked Sendable {
        let eventLoop: any EventLoop
        let rtp = NIOLockedValueBox<[ByteBuffer]>([])
        init(eventLoop: any EventLoop) { self.eventLoop = eventLoop }
        var canAcceptMore: Bool { true }
        func writeRTP(_ packet: ByteBuffer) { rtp.withLockedValue { $0.append(packet) } }
        func writeRTCP(_ packet: ByteBuffer) {}
        func flush() {}
    }

    static func viewer(
        camera: FaultProfile = .empty, overlay: FaultProfile = .empty, format: RTPPayloadFormat, loop: EmbeddedEventLoop,
        onStart: @escaping @Sendable (UInt16, UInt32) -> Void = { _, _ in }
    ) -> (SessionViewer, RecordingTransport) {
        let state = CameraFaultState(profile: camera, catalog: [:], seed: 1, origin: 0)
        let transport = RecordingTransport(eventLoop: loop)
        let viewer = SessionViewer(
            transport: transport, faults: ViewerFaults(camera: state, overlay: overlay, seed: 2, origin: 0),
            cname: "c", clock: FakeClock(), sessionID: "s1", streamName: "main",
            track: format.mediaType == .audio ? 1 : 0, format: format, onStart: onStart, onEnd: {})
        return (viewer, transport)
    }

    static func delivery(format: RTPPayloadFormat, timestamp: UInt32 = 1_000, frame: Int64, ssrc: UInt32 = 7) -> RTPDelivery {
        var packet = ByteBuffer()
        packet.writeInteger(UInt8(0x80))
        packet.writeInteger(format.payloadType)
        packet.writeInteger(UInt16(frame))
        packet.writeInteger(timestamp)
        packet.writeInteger(ssrc)
        packet.writeRepeatingByte(0x55, count: 160)
        return RTPDelivery(
            packets: [packet], rtpTimestamp: timestamp, firstSequenceNumber: UInt16(frame), ssrc: ssrc, isIDR: true,
            payloadOctets: 160, captureWallClockNanos: 0, frameIndex: frame, format: format)
    }

    static func profile(_ query: [(String, String)]) throws -> FaultProfile {
        try FaultProfile.parse(query: query, catalog: [:]).profile
    }

    /// `drop_every=1` (like `drop_idr=100`, `drop_frames=100` and a freeze) drops every picture; the audio, whose every unit is a random-access
    /// point, goes on untouched and counts no frame drops.
    @Test(arguments: [[("drop_every", "1")], [("drop_idr", "100")], [("drop_frames", "100")], [("freeze_at", "0"), ("freeze_for", "10")]])
    func frameFaultsActOnTheVideoOnly(query: [(String, String)]) throws {
        let loop = EmbeddedEventLoop()
        let faults = try Self.profile(query)
        let (video, videoSent) = Self.viewer(camera: faults, format: .h264, loop: loop)
        let (audio, audioSent) = Self.viewer(camera: faults, format: .pcmu, loop: loop)
        for frame in 0..<3 {
            video.deliver(Self.delivery(format: .h264, frame: Int64(frame)))
            audio.deliver(Self.delivery(format: .pcmu, frame: Int64(frame)))
        }
        let videoStatistics = video.statistics(), audioStatistics = audio.statistics()
        loop.run()
        #expect(videoSent.rtp.withLockedValue { $0.count } == 0, "\(query)")
        #expect(audioSent.rtp.withLockedValue { $0.count } == 3, "\(query)")
        #expect(try videoStatistics.wait().faults.media.dropped.values.reduce(0, +) == 3)
        #expect(try audioStatistics.wait().faults.media.dropped.isEmpty)
    }

    /// The RTP-Info rtptime of an `audio_offset` viewer's audio is its first packet's, shifted
    /// as that packet is; its video, and another viewer's audio, are not shifted.
    @Test func rtpInfoCarriesTheAudioShift() throws {
        let loop = EmbeddedEventLoop()
        let offset = try Self.profile([("audio_offset", "200")])
        let started = NIOLockedValueBox<[String: UInt32]>([:])
        func viewer(_ name: String, overlay: FaultProfile, format: RTPPayloadFormat) -> (SessionViewer, RecordingTransport) {
            let made = Self.viewer(overlay: overlay, format: format, loop: loop)
            made.0.rearm { _, rtpTime in started.withLockedValue { $0[name] = rtpTime } }
            return made
        }
        let shiftedAudio = viewer("shifted audio", overlay: offset, format: .pcmu)
        let shiftedVideo = viewer("shifted video", overlay: offset, format: .h264)
        let cleanAudio = viewer("clean audio", overlay: .empty, format: .pcmu)
        loop.run()
        for (viewer, format) in [(shiftedAudio.0, RTPPayloadFormat.pcmu), (shiftedVideo.0, .h264), (cleanAudio.0, .pcmu)] {
            viewer.streamWillStart(firstSequenceNumber: 0, rtpTimestamp: 1_000, captureWallClockNanos: 0)
            viewer.deliver(Self.delivery(format: format, timestamp: 1_000, frame: 0))
        }
        loop.run()
        let infos = started.withLockedValue { $0 }
        // 200 ms at 8 kHz.
        #expect(infos["shifted audio"] == UInt32(2_600), "\(infos)")
        #expect(infos["shifted video"] == UInt32(1_000), "\(infos)")
        #expect(infos["clean audio"] == UInt32(1_000), "\(infos)")
        for (name, sent) in [("shifted audio", shiftedAudio.1), ("shifted video", shiftedVideo.1), ("clean audio", cleanAudio.1)] {
            let first = try #require(sent.rtp.withLockedValue { $0.first })
            #expect(first.getInteger(at: first.readerIndex + 4, as: UInt32.self) == infos[name], "\(name)")
        }
    }

    /// A session of both tracks under `loss=100`: GET_PARAMETER `fault_counters` adds up
    /// both tracks' drops, and its end adds them to the camera's totals as one session.
    @Test func aSessionOfTwoTracksCountsOnceWithBothTracksCounts() throws {
        let server = FakeRTSPServer(audioPaths: ["cam"], cameraFaults: try Self.profile([("loss", "100")]))
        defer { server.shutdown() }
        let client = try server.connect()
        let url = MultiTrackSetupTests.url
        let video = try MultiTrackSetupTests.setup(client, track: 0, transport: "RTP/AVP/TCP;unicast", cseq: 1)
        let id = try MultiTrackSetupTests.sessionID(video)
        let audio = try MultiTrackSetupTests.setup(client, track: 1, transport: "RTP/AVP/TCP;unicast", session: id, cseq: 2)
        #expect(audio.status == 200)
        let session = try #require(server.sessions.session(id: id))
        let bindings = session.bindings
        try #require(bindings.count == 2)
        bindings[0].viewer.deliver(Self.delivery(format: .h264, frame: 0))
        bindings[0].viewer.deliver(Self.delivery(format: .h264, frame: 1))
        bindings[1].viewer.deliver(Self.delivery(format: .pcmu, frame: 0))
        client.channel.embeddedEventLoop.run()

        let body = "fault_counters\r\n"
        let answer = try client.answer(
            "GET_PARAMETER \(url) RTSP/1.0\r\nCSeq: 3\r\nSession: \(id)\r\nContent-Type: text/parameters\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(answer.status == 200)
        #expect(answer.body.contains("fault_counters: packets passed 0, dropped 3 (random 3"), "\(answer.body)")

        let camera = try #require(server.faults["cam"])
        _ = try client.answer("TEARDOWN \(url) RTSP/1.0\r\nCSeq: 4\r\nSession: \(id)\r\n\r\n")
        client.channel.embeddedEventLoop.run()
        let tally = camera.tally
        #expect(tally.sessions == 1, "\(tally)")
        #expect(tally.network.droppedRandom == 3, "\(tally)")
        #expect(camera.tallyByStream["main"]?.network.droppedRandom == 3)
        client.close()
    }
}
