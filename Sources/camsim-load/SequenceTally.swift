/// What one viewer received of its camera's RTP packets, judged by the sequence
/// numbers and timestamps the camera stamped on them (RFC 3550 §5.1, §A.1): packets
/// missing from the sequence, packets out of order, whole frames (marker bits).
struct SequenceTally {
    private var lastSequence: UInt16?
    private var ssrc: UInt32?
    /// The RTP timestamp of the last complete frame received.
    private(set) var lastFrameTimestamp: UInt32?

    /// In the measurement window.
    private(set) var packets = 0
    private(set) var frames = 0
    private(set) var lost = 0
    private(set) var disordered = 0
    /// Outside the window (while the load was ramping up).
    private(set) var lostOutside = 0

    mutating func record(_ rtp: RTPFields, counting: Bool) {
        if ssrc != rtp.ssrc {
            ssrc = rtp.ssrc
            lastSequence = nil
        }
        if let last = lastSequence {
            let step = rtp.sequenceNumber &- last
            if step == 0 || step >= 0x8000 {
                if counting { disordered += 1 }
            } else if step > 1 {
                if counting { lost += Int(step) - 1 } else { lostOutside += Int(step) - 1 }
            }
        }
        lastSequence = rtp.sequenceNumber
        if rtp.marker { lastFrameTimestamp = rtp.timestamp }
        guard counting else { return }
        packets += 1
        if rtp.marker { frames += 1 }
    }
}
