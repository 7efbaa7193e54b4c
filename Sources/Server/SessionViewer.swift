import Cameras
import NIOCore

/// The part of an RTSP session that receives a stream's packets and sends them on
/// its transport, with RTCP sender reports and a BYE at the end.
///
/// State is confined to the transport's event loop. A TCP viewer that cannot keep up
/// skips whole access units and resumes at the next IDR, so its queue stays bounded
/// and it never holds up the stream or other viewers.
final class SessionViewer: StreamViewer, @unchecked Sendable {
    let transport: any MediaTransport
    private let clock: any MonotonicClock
    private var reports: SenderReportState
    private var onStart: (@Sendable (UInt16, UInt32) -> Void)?
    private var onEnd: (@Sendable () -> Void)?
    private var waitingForKeyframe = false
    private var lastSSRC: UInt32?
    private(set) var accessUnitsSkipped = 0

    init(
        transport: any MediaTransport,
        cname: String,
        clock: any MonotonicClock,
        onStart: @escaping @Sendable (UInt16, UInt32) -> Void,
        onEnd: @escaping @Sendable () -> Void
    ) {
        self.transport = transport
        self.clock = clock
        reports = SenderReportState(cname: cname)
        self.onStart = onStart
        self.onEnd = onEnd
    }

    /// Arms the viewer for another PLAY after PAUSE.
    func rearm(onStart: @escaping @Sendable (UInt16, UInt32) -> Void) {
        transport.eventLoop.execute { self.onStart = onStart }
    }

    func streamWillStart(firstSequenceNumber: UInt16, rtpTimestamp: UInt32, captureWallClockNanos: Int64) {
        transport.eventLoop.execute {
            self.reports.start(atNanoseconds: self.clock.nanoseconds())
            self.waitingForKeyframe = false
            if let onStart = self.onStart {
                self.onStart = nil
                onStart(firstSequenceNumber, rtpTimestamp)
            }
        }
    }

    func deliver(_ delivery: RTPDelivery) {
        transport.eventLoop.execute { self.send(delivery) }
    }

    func streamDidEnd() {
        transport.eventLoop.execute {
            self.sendGoodbye(reason: "camera stopped")
            self.onEnd?()
            self.onEnd = nil
        }
    }

    /// RTCP BYE on TEARDOWN or expiry (RFC 3550 §6.6).
    func sendGoodbye(reason: String?) {
        transport.eventLoop.execute {
            guard let ssrc = self.lastSSRC else { return }
            self.lastSSRC = nil
            var buffer = ByteBuffer()
            buffer.writeBytes(self.reports.goodbye(ssrc: ssrc, reason: reason))
            self.transport.writeRTCP(buffer)
        }
    }

    private func send(_ delivery: RTPDelivery) {
        guard transport.canAcceptMore else {
            waitingForKeyframe = true
            accessUnitsSkipped += 1
            return
        }
        if waitingForKeyframe {
            guard delivery.isIDR else {
                accessUnitsSkipped += 1
                return
            }
            waitingForKeyframe = false
        }
        lastSSRC = delivery.ssrc
        for packet in delivery.packets {
            transport.writeRTP(packet)
        }
        transport.flush()
        reports.record(packets: delivery.packets.count, payloadOctets: delivery.payloadOctets)
        if let report = reports.reportIfDue(
            atNanoseconds: clock.nanoseconds(), ssrc: delivery.ssrc,
            rtpTimestamp: delivery.rtpTimestamp, captureWallClockNanos: delivery.captureWallClockNanos
        ) {
            var buffer = ByteBuffer()
            buffer.writeBytes(report)
            transport.writeRTCP(buffer)
        }
    }
}
