import Foundation

/// A TCP-interleaved viewer on a thread of its own that counts what its RTP carried: the
/// SSRCs, the packets, the gaps in their sequence numbers and the access units that start
/// with an IDR (distinct timestamps of a packet `H264PayloadChecks` calls decodable).
final class IDRCountingViewer: @unchecked Sendable {
    struct Tally {
        var ssrcs: Set<UInt32> = []
        var packets = 0
        /// Packets missing between consecutive sequence numbers.
        var missing = 0
        var idrTimestamps: Set<UInt32> = []
        var failure: String?
        var idrs: Int { idrTimestamps.count }
    }

    private let lock = NSLock()
    private var state = Tally()
    private var stopped = false
    private let viewer: InterleavedViewer
    private let done = DispatchSemaphore(value: 0)

    /// Plays `url` (with `query`, the viewer's faults) and counts until `stop()`.
    init(port: Int, url: String, query: String = "") throws {
        viewer = try InterleavedViewer(port: port)
        try viewer.play(url, query: query)
        Thread.detachNewThread { [self] in
            run()
            done.signal()
        }
    }

    var tally: Tally { lock.withLock { state } }

    func stop() {
        lock.withLock { stopped = true }
        done.wait()
    }

    private func run() {
        var last: UInt16?
        while !lock.withLock({ stopped }) {
            switch viewer.nextEvent(timeoutSeconds: 0.2) {
            case .frame(let frame):
                guard frame.channel == 0, let packet = RTPPacketView(frame.payload) else { continue }
                lock.withLock {
                    state.packets += 1
                    state.ssrcs.insert(packet.ssrc)
                    if let last { state.missing += Int(packet.sequenceNumber &- last &- 1) }
                    if H264PayloadChecks.startsDecodableAccessUnit(packet) { state.idrTimestamps.insert(packet.timestamp) }
                }
                last = packet.sequenceNumber
            case .timedOut:
                continue
            case .endOfStream:
                lock.withLock { state.failure = "the stream ended" }
                return
            case .failed(let reason):
                lock.withLock { state.failure = reason }
                return
            }
        }
    }
}
