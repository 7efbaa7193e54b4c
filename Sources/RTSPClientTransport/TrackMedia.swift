import NIOCore
import RTP
import RTSPClient

/// What the client keeps per playing track: the access unit assembler (H.264 tracks), the
/// reception figures its receiver reports carry, and where its RTCP goes.
struct TrackMedia {
    let track: RTSPClientTrack
    var assembler: H264AccessUnitAssembler?
    var reception = ReceptionCounter()
    /// The server's RTCP address over UDP: where its RTCP came from, else its `server_port`.
    var rtcpDestination: SocketAddress?
    /// The RTCP channel number over TCP or the tunnel.
    var rtcpChannel: UInt8?
    /// The UDP socket RTCP is sent from.
    var rtcpSocket: (any Channel)?

    init(track: RTSPClientTrack, assemblesAccessUnits: Bool) {
        self.track = track
        if assemblesAccessUnits, track.isH264 { assembler = H264AccessUnitAssembler() }
    }

    mutating func flush() -> H264AccessUnit? {
        assembler?.flush()
    }
}

/// The RFC 3550 §A.1 and §A.3 counts behind a receiver report block, and §A.8 jitter.
struct ReceptionCounter {
    var senderSSRC: UInt32?
    private var baseSequence: UInt32 = 0
    private var maxSequence: UInt16 = 0
    private var cycles: UInt32 = 0
    private var received: UInt32 = 0
    private var expectedPrior: UInt32 = 0
    private var receivedPrior: UInt32 = 0
    private var lastTransit: Double?
    private var jitter: Double = 0
    private var started = false
    /// Middle 32 bits of the last SR's NTP time, and when it arrived.
    var lastSR: UInt32 = 0
    var lastSRArrival: ContinuousClock.Instant?

    /// Counts a packet; `arrival` is in RTP clock units (for jitter).
    mutating func count(sequence: UInt16, timestamp: UInt32, ssrc: UInt32, arrival: Double) {
        senderSSRC = ssrc
        if !started {
            started = true
            baseSequence = UInt32(sequence)
            maxSequence = sequence
        } else {
            let delta = sequence &- maxSequence
            if delta > 0, delta < 0x8000 {
                if sequence < maxSequence { cycles &+= 1 << 16 }
                maxSequence = sequence
            }
        }
        received &+= 1
        // RFC 3550 §A.8: J += (|D| - J) / 16, D the change in relative transit time.
        let transit = arrival - Double(timestamp)
        if let lastTransit {
            var difference = abs(transit - lastTransit)
            // A timestamp wrap makes one huge difference; leave it out.
            if difference > Double(UInt32.max) / 2 { difference = 0 }
            jitter += (difference - jitter) / 16
        }
        lastTransit = transit
    }

    /// The report block for this source, and the interval counters moved on (RFC 3550 §A.3).
    mutating func reportBlock(now: ContinuousClock.Instant) -> RTCPReportBlock? {
        guard started, let senderSSRC else { return nil }
        let extendedMax = cycles &+ UInt32(maxSequence)
        let expected = extendedMax &- baseSequence &+ 1
        let lost = Int64(expected) - Int64(received)
        let expectedInterval = expected &- expectedPrior
        let receivedInterval = received &- receivedPrior
        expectedPrior = expected
        receivedPrior = received
        let lostInterval = Int64(expectedInterval) - Int64(receivedInterval)
        let fraction: UInt8 = expectedInterval == 0 || lostInterval <= 0
            ? 0 : UInt8(min(255, (lostInterval << 8) / Int64(expectedInterval)))
        var delay: UInt32 = 0
        if let lastSRArrival {
            let elapsed = now - lastSRArrival
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            delay = UInt32(min(Double(UInt32.max), seconds * 65536))
        }
        return RTCPReportBlock(
            ssrc: senderSSRC, fractionLost: fraction, cumulativeLost: Int32(clamping: lost),
            extendedHighestSequence: extendedMax, jitter: UInt32(min(Double(UInt32.max), jitter)),
            lastSR: lastSR, delaySinceLastSR: delay)
    }
}
