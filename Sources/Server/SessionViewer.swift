import Cameras
import Faults
import Logging
import NIOConcurrencyHelpers
import NIOCore
import RTP

/// The part of an RTSP session that receives a stream's packets and sends them on
/// its transport, with RTCP sender reports and a BYE at the end, through the
/// viewer's fault models when it has any.
///
/// State is confined to the transport's event loop. A TCP viewer that cannot keep up
/// skips whole access units and resumes at the next IDR, so its queue stays bounded
/// and it never holds up the stream or other viewers.
final class SessionViewer: StreamViewer, @unchecked Sendable {
    let transport: any MediaTransport
    let faults: ViewerFaults
    private let clock: any MonotonicClock
    private var reports: SenderReportState
    private var onStart: (@Sendable (UInt16, UInt32) -> Void)?
    private var onEnd: (@Sendable () -> Void)?
    private var waitingForKeyframe = false
    private var lastSSRC: UInt32?
    /// What this viewer was sent and reported; loop-confined, read by `statistics()`.
    private var traffic = ViewerTraffic()
    /// The stream's totals over all its viewers, which `traffic` is added to.
    let streamStatistics: StreamViewerStatistics
    /// The session and stream names the camera's fault totals are kept under, and the
    /// track (`trackID=N`) this viewer sends, whose format it is.
    private let sessionID: String
    private let streamName: String
    let trackIndex: Int
    let format: RTPPayloadFormat

    init(
        transport: any MediaTransport,
        faults: ViewerFaults,
        cname: String,
        clock: any MonotonicClock,
        statistics: StreamViewerStatistics = StreamViewerStatistics(),
        sessionID: String = "",
        streamName: String = "",
        track: Int = 0,
        format: RTPPayloadFormat = .h264,
        onStart: @escaping @Sendable (UInt16, UInt32) -> Void,
        onEnd: @escaping @Sendable () -> Void
    ) {
        self.transport = transport
        self.faults = faults
        self.clock = clock
        streamStatistics = statistics
        self.sessionID = sessionID
        self.streamName = streamName
        trackIndex = track
        self.format = format
        reports = SenderReportState(cname: cname)
        self.onStart = onStart
        self.onEnd = onEnd
    }

    /// Arms the viewer for another PLAY after PAUSE, or after the BYE that ended a
    /// recording (the session stays in Ready and may play again; that BYE does not
    /// silence the viewer, see `sendGoodbye(reason:endsSession:)`).
    func rearm(onStart: @escaping @Sendable (UInt16, UInt32) -> Void) {
        transport.eventLoop.execute { self.onStart = onStart }
    }

    /// Runs `body` on the viewer's loop (fault changes, counters).
    func onLoop(_ body: @escaping @Sendable () -> Void) {
        transport.eventLoop.execute(body)
    }

    /// Changes this viewer's own faults at once (SET_PARAMETER, the control API):
    /// `profile` on top of the ones it had, or instead of them.
    func changeFaults(_ profile: FaultProfile, replacing: Bool) {
        let now = clock.nanoseconds()
        onLoop {
            let base = replacing ? FaultProfile.empty : self.faults.currentOverlay
            self.faults.setOverlay(base.merged(with: profile), at: now)
        }
    }

    /// Runs `body` once, on the stream's loop, when the stream tells this viewer it starts
    /// and before its first unit is handed over: an aggregate PLAY starts the session's
    /// other tracks with the video's first frame there, so they start together.
    func whenStarting(_ body: @escaping @Sendable () -> Void) {
        starting.withLockedValue { $0 = body }
    }

    private let starting = NIOLockedValueBox<(@Sendable () -> Void)?>(nil)

    func streamWillStart(firstSequenceNumber: UInt16, rtpTimestamp: UInt32, captureWallClockNanos: Int64) {
        starting.withLockedValue { body in
            defer { body = nil }
            return body
        }?()
        transport.eventLoop.execute {
            let now = self.clock.nanoseconds()
            self.reports.start(atNanoseconds: now)
            self.waitingForKeyframe = false
            if let onStart = self.onStart {
                self.onStart = nil
                // RTP-Info's rtptime is the first packet's as this viewer gets it: with the
                // shift its media faults give the track's timestamps (RFC 2326 §12.33).
                self.faults.refresh(at: now)
                let shift = Self.timestampShift(self.faults.media, format: self.format, elapsed: now - self.faults.origin)
                onStart(firstSequenceNumber, rtpTimestamp &+ shift.total)
            }
        }
    }

    func deliver(_ delivery: RTPDelivery) {
        transport.eventLoop.execute {
            self.lastDeliveredFrame = delivery.frameIndex
            self.send(delivery)
        }
    }

    /// The stream frame of the last access unit handed to this viewer, read on its loop:
    /// where a paused playback session resumes.
    private(set) var lastDeliveredFrame: Int64?

    /// `lastDeliveredFrame`, once every unit already handed over has been seen.
    func lastDeliveredFrameSoFar() -> EventLoopFuture<Int64?> {
        transport.eventLoop.submit { self.lastDeliveredFrame }
    }

    func streamDidEnd() {
        transport.eventLoop.execute {
            // The BYE goes out before onEnd closes the connection.
            self.writeGoodbye(reason: "camera stopped")
            self.onEnd?()
            self.onEnd = nil
        }
    }

    func streamWasDropped() {
        transport.eventLoop.execute {
            self.lastSSRC = nil
            self.onEnd?()
            self.onEnd = nil
        }
    }

    /// RTCP BYE on TEARDOWN, expiry or removal (RFC 3550 §6.6). Nothing is sent after
    /// it: an access unit the stream handed over before it let the viewer go is dropped.
    /// `endsSession: false` is the BYE at the end of a recording, after which the session
    /// stays Ready and a PLAY that seeks again is sent media as before.
    func sendGoodbye(reason: String?, endsSession: Bool = true) {
        transport.eventLoop.execute {
            if endsSession { self.saidGoodbye = true }
            self.writeGoodbye(reason: reason)
        }
    }

    /// Set by `sendGoodbye`: the session has ended.
    private var saidGoodbye = false

    private func writeGoodbye(reason: String?) {
        guard let ssrc = lastSSRC else { return }
        lastSSRC = nil
        var buffer = ByteBuffer()
        buffer.writeBytes(reports.goodbye(ssrc: ssrc, reason: reason))
        transport.writeRTCP(buffer)
        transport.flush()
    }

    /// Hands `body` the RTP packets and payload octets sent so far (the sender report's
    /// counts, RFC 3550 §6.4.1), on the viewer's event loop.
    func totals(_ body: @escaping @Sendable (_ packets: Int, _ payloadOctets: Int) -> Void) {
        transport.eventLoop.execute {
            body(Int(self.reports.packetCount), Int(self.reports.octetCount))
        }
    }

    /// At the end of a viewer that is a session of its own (a multicast group's): logs
    /// what its faults injected and adds it to the camera's totals. A unicast session's
    /// tracks end together through `SessionTotals.finish`.
    func finishFaults(session: String, logger: Logger) {
        finish().whenSuccess { statistics in
            SessionTotals([statistics]).record(session: session, key: self.sessionID, stream: self.streamName,
                                               camera: self.faults.camera, logger: logger)
        }
    }

    /// The viewer's last counts: what was sent goes to the stream's totals, and its
    /// fault counts are published no more (the session's end records them once).
    func finish() -> EventLoopFuture<ViewerStatistics> {
        transport.eventLoop.submit {
            self.publishTraffic()
            self.finished = true
            return self.currentStatistics
        }
    }

    /// Set by `finish`: the camera's totals take this viewer's counts from its session's end.
    private var finished = false

    // MARK: - Statistics

    /// What this viewer was sent, what its faults did and its last receiver report, read on its loop.
    func statistics() -> EventLoopFuture<ViewerStatistics> {
        transport.eventLoop.submit {
            self.currentStatistics
        }
    }

    private var currentStatistics: ViewerStatistics {
        ViewerStatistics(
            packetsSent: traffic.packets, bytesSent: traffic.bytes,
            faults: faults.tally, reception: traffic.reception.last,
            senderPackets: Int(reports.packetCount), senderPayloadOctets: Int(reports.octetCount),
            faultsWereActive: faults.hasEverBeenActive)
    }

    /// An RTCP compound from the viewer (UDP or interleaved): its report block about the
    /// SSRC this viewer is sent under becomes the session's last reception report.
    func receiveReports(_ packets: [RTCPPacket], at now: ClockReading) {
        transport.eventLoop.execute {
            guard let ssrc = self.traffic.ssrc,
                  let report = self.traffic.reception.receive(
                      packets, about: ssrc, clockRate: self.traffic.clockRate, sent: self.reports.sent, at: now)
            else { return }
            self.streamStatistics.reportedLoss.record(report.fractionLost)
            self.streamStatistics.reportedJitterSeconds.record(report.jitterSeconds)
        }
    }

    /// Adds what was sent since the last time to the stream's totals, and the fault
    /// counts to the camera's (at most every `ViewerTraffic.faultPublishInterval`).
    private func publishTraffic(at now: Int64? = nil) {
        let (packets, bytes) = traffic.takeUnpublished()
        if packets > 0 {
            streamStatistics.packetsSent.wrappingAdd(packets, ordering: .relaxed)
            streamStatistics.bytesSent.wrappingAdd(bytes, ordering: .relaxed)
        }
        guard let now, !finished, faults.hasEverBeenActive, traffic.faultPublicationDue(at: now) else { return }
        faults.camera.publish(faults.tally, session: sessionID, track: trackIndex, stream: streamName)
    }

    // MARK: - Sending

    /// Header changes media faults ask for (RFC 3550 §5.1 fields).
    private var rewrite = RTPHeaderRewrite()

    private func send(_ delivery: RTPDelivery) {
        guard !saidGoodbye else { return }
        let now = clock.nanoseconds()
        faults.refresh(at: now)
        guard transport.canAcceptMore || delivery.waitedForViewer else {
            waitingForKeyframe = true
            return
        }
        if waitingForKeyframe {
            guard delivery.isIDR else { return }
            waitingForKeyframe = false
        }
        let media = faults.media
        let elapsed = now - faults.origin
        let shift = Self.timestampShift(media, format: delivery.format, elapsed: elapsed)
        let jump = shift.jump
        rewrite = RTPHeaderRewrite(
            ssrc: media.ssrc(base: delivery.ssrc, at: elapsed),
            payloadType: media.payloadType(base: delivery.format.payloadType, at: elapsed),
            timestampOffset: shift.total,
            originalSSRC: delivery.ssrc,
            originalPayloadType: delivery.format.payloadType
        )
        // Frame faults (drop_frames, drop_every, drop_idr, freeze) act on pictures: every
        // audio unit is a random-access point, and the audio goes on through them.
        let fate = delivery.format.mediaType == .video
            ? faults.decide(
                frame: FrameInfo(index: Int(delivery.frameIndex), isIDR: delivery.isIDR, rtpTimestamp: delivery.rtpTimestamp),
                at: now)
            : .send
        let ssrc = rewrite.ssrc
        lastSSRC = ssrc
        traffic.ssrc = ssrc
        traffic.clockRate = delivery.format.clockRate
        var wrote = false
        if case .drop = fate {
            // Dropped or frozen: no RTP, but RTCP carries on (the session is alive).
        } else {
            // SPS/PPS are H.264's: other formats' payloads are not NAL units.
            let strip = media.stripsParameterSets && delivery.format.encodingName == RTPPayloadFormat.h264.encodingName
            for packet in delivery.packets where !(strip && RTPHeaderRewrite.carriesParameterSets(packet)) {
                transmit(rewrite.apply(to: packet), kind: .rtp, at: now)
            }
            reports.record(packets: delivery.packets.count, payloadOctets: delivery.payloadOctets)
            wrote = true
        }
        if faults.sendsRTCP {
            let ntpWallClock = media.driftedNTP(wallNanos: delivery.captureWallClockNanos, sinceStart: elapsed)
            if let report = reports.reportIfDue(
                atNanoseconds: now, ssrc: ssrc,
                rtpTimestamp: delivery.rtpTimestamp &+ jump, captureWallClockNanos: ntpWallClock
            ) {
                var buffer = ByteBuffer()
                buffer.writeBytes(report)
                transmit(buffer, kind: .rtcp, at: now)
                wrote = true
            }
        }
        // One flush per access unit: its RTP packets and any sender report go together.
        if wrote { transport.flush() }
        publishTraffic(at: now)
    }

    /// What media faults add to a track's RTP timestamps at `elapsed`: `jump` is the
    /// timestamp jump, which sender reports follow; `total` adds, for an audio track,
    /// `audio_offset` and `audio_drift_ppm`, which move its packets but not its sender
    /// reports. Both in ticks of the format's clock, modulo 2³².
    static func timestampShift(
        _ media: MediaFaultModel, format: RTPPayloadFormat, elapsed: Int64
    ) -> (jump: UInt32, total: UInt32) {
        let clockRate = Int(format.clockRate)
        let jump = UInt32(truncatingIfNeeded: media.rtpTimestampOffset(at: elapsed, clockRate: clockRate))
        let audioShift = format.mediaType == .audio
            ? UInt32(truncatingIfNeeded: media.audioTimestampShift(at: elapsed, clockRate: clockRate)) : 0
        return (jump, jump &+ audioShift)
    }

    /// Sends one packet through the network fault model: now, later, twice, with
    /// flipped bits, or not at all.
    private func transmit(_ packet: ByteBuffer, kind: PacketInfo.Kind, at now: Int64) {
        guard faults.isActive else {
            write(packet, kind: kind)
            return
        }
        let fate = faults.decide(size: packet.readableBytes, kind: kind, at: now)
        for departure in fate.copies {
            var outgoing = packet
            if !departure.corruptBitOffsets.isEmpty {
                outgoing = RTPHeaderRewrite.flippingBits(departure.corruptBitOffsets, of: packet)
            }
            if departure.at <= now {
                write(outgoing, kind: kind)
            } else {
                let copy = outgoing
                transport.eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: departure.at)) {
                    self.write(copy, kind: kind)
                    self.transport.flush()
                }
            }
        }
    }

    private func write(_ packet: ByteBuffer, kind: PacketInfo.Kind) {
        switch kind {
        case .rtp:
            transport.writeRTP(packet)
            traffic.count(bytes: packet.readableBytes)
        case .rtcp: transport.writeRTCP(packet)
        }
    }
}
