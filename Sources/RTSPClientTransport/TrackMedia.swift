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

/// What a receiver report block says about a track's source (RFC 3550 §6.4.1): the
/// reception figures of `RTPReceptionStatistics`, and the last sender report's time.
struct ReceptionCounter {
    var senderSSRC: UInt32?
    /// One packet in sequence validates the source: SETUP announced it.
    var statistics = RTPReceptionStatistics(minSequential: 1)
    /// Middle 32 bits of the last SR's NTP time, and when it arrived.
    var lastSR: UInt32 = 0
    var lastSRArrival: ContinuousClock.Instant?

    /// Counts a packet; `arrival` is in RTP clock units (for jitter, §A.8).
    mutating func count(sequence: UInt16, timestamp: UInt32, ssrc: UInt32, arrival: Double) {
        if senderSSRC != ssrc {
            // A new source (RFC 3550 §8.2): its figures start over.
            senderSSRC = ssrc
            statistics = RTPReceptionStatistics(minSequential: 1)
        }
        statistics.record(
            sequenceNumber: sequence, timestamp: timestamp,
            arrival: UInt32(truncatingIfNeeded: Int64(arrival.rounded())))
    }

    /// The report block for this source, with DLSR in 1/65536 s; the interval moves on.
    mutating func reportBlock(now: ContinuousClock.Instant) -> RTCPReportBlock? {
        guard let senderSSRC, statistics.packetsSeen > 0 else { return nil }
        var delay: UInt32 = 0
        if let lastSRArrival {
            let elapsed = now - lastSRArrival
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            delay = UInt32(min(Double(UInt32.max), seconds * 65536))
        }
        return statistics.reportBlock(ssrc: senderSSRC, lastSR: lastSR, delaySinceLastSR: delay)
    }
}
