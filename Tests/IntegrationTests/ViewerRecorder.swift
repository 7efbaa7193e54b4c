import Foundation

/// Reads an `InterleavedViewer` on its own thread until the connection ends or `stop()`,
/// recording when each access unit completed (RTP marker bit on channel 0), RTP
/// sequence gaps, when an RTCP BYE (PT 203) arrived on channel 1, and how the
/// connection ended. Readable from any thread while it runs.
final class ViewerRecorder: @unchecked Sendable {
    /// How the viewer's connection ended.
    enum Ending: Equatable, CustomStringConvertible {
        /// `recv` returned 0 after the last complete frame.
        case endOfStream(at: Date)
        case failed(String)

        var description: String {
            switch self {
            case .endOfStream(let date): "clean end of stream at \(date.timeIntervalSince1970)"
            case .failed(let reason): "failed: \(reason)"
            }
        }
    }

    private let lock = NSLock()
    private var accessUnitTimes: [Date] = []
    private var lastSequence: UInt16?
    private var missingPackets = 0
    private var byeTime: Date?
    private var rtcpPacketTypes: [UInt8] = []
    private var ending: Ending?
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading `viewer` (already playing) on a new thread; the recorder owns it from now on.
    init(_ viewer: InterleavedViewer) {
        nonisolated(unsafe) let viewer = viewer
        Thread.detachNewThread { [self] in
            run(viewer)
            finished.signal()
        }
    }

    private func run(_ viewer: InterleavedViewer) {
        while !locked({ stopping }) {
            switch viewer.nextEvent(timeoutSeconds: 0.2) {
            case .frame(let frame): record(frame, at: Date())
            case .endOfStream:
                locked { ending = .endOfStream(at: Date()) }
                return
            case .failed(let reason):
                locked { ending = .failed(reason) }
                return
            case .timedOut: continue
            }
        }
    }

    private func record(_ frame: InterleavedFrame, at time: Date) {
        locked {
            if frame.channel == 0, let packet = RTPPacketView(frame.payload) {
                if let last = lastSequence, packet.sequenceNumber != last &+ 1 {
                    missingPackets += Int(packet.sequenceNumber &- last &- 1)
                }
                lastSequence = packet.sequenceNumber
                if packet.marker { accessUnitTimes.append(time) }
            } else if frame.channel == 1 {
                let types = RTCPPacketView.split(frame.payload)?.map(\.packetType) ?? []
                rtcpPacketTypes += types
                if byeTime == nil, RTCPPacketView.containsBye(frame.payload) { byeTime = time }
            }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Arrival times of completed access units so far.
    var accessUnits: [Date] { locked { accessUnitTimes } }
    /// RTP packets missing from the sequence so far.
    var lostPackets: Int { locked { missingPackets } }
    /// When the first RTCP BYE arrived, if one did.
    var byeReceived: Date? { locked { byeTime } }
    /// RTCP packet types received on channel 1, in order (200 SR, 202 SDES, 203 BYE).
    var rtcpTypes: [UInt8] { locked { rtcpPacketTypes } }
    /// How the connection ended, once it has.
    var ended: Ending? { locked { ending } }

    /// Stops reading and waits (at most 2 s) for the thread to finish.
    func stop() {
        locked { stopping = true }
        _ = finished.wait(timeout: .now() + 2)
    }
}
