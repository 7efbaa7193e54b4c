import RTP

/// A proxy stream's clocks: which RTP timestamp (in the stream's own timestamp space)
/// and which wall-clock capture time each upstream access unit gets.
///
/// - Timestamps: each upstream session has its own random base (RFC 3550 §5.1), so the
///   first unit of a session is placed where the stream's timeline has got to (the last
///   unit's timestamp plus the time since, at 90 kHz) and the rest follow the upstream's
///   spacing. Viewers see one continuous timeline across upstream reconnects.
/// - Wall clock: the upstream's RTCP sender report maps its RTP clock to NTP (RFC 3550
///   §6.4.1); each unit's capture time is read from that mapping, and viewers' sender
///   reports carry it on, so absolute time survives the proxy. Until an SR arrives the
///   first unit's arrival time anchors the mapping.
struct ProxyTimeline: Sendable {
    let clockRate: Int64
    /// The stream's timestamp base, where its first unit is placed.
    let base: UInt32
    private var offset: UInt32?
    private var last: (timestamp: UInt32, monotonic: Int64)?
    private var anchor: (rtp: UInt32, wallNanos: Int64)?
    /// The anchor came from a sender report rather than an arrival time.
    private(set) var hasSenderReport = false

    init(base: UInt32, clockRate: Int = 90_000) {
        self.base = base
        self.clockRate = Int64(clockRate)
    }

    /// A new upstream session: its timestamps start from another base.
    mutating func newSession() {
        offset = nil
        anchor = nil
        hasSenderReport = false
    }

    /// The upstream's NTP time at its RTP timestamp `rtp`.
    mutating func senderReport(ntpTimestamp: UInt64, rtpTimestamp rtp: UInt32) {
        let ntp = NTPTimestamp(rawValue: ntpTimestamp)
        let seconds = Int64(ntp.seconds) - NTPTimestamp.unixEpochOffsetSeconds
        let nanos = (Int64(ntp.fraction) * 1_000_000_000) >> 32
        anchor = (rtp, seconds * 1_000_000_000 + nanos)
        hasSenderReport = true
    }

    /// The stream timestamp and wall-clock capture time of an upstream unit arriving at `now`.
    mutating func place(upstream timestamp: UInt32, at now: ClockReading) -> (timestamp: UInt32, wallNanos: Int64) {
        if offset == nil {
            var target = base
            if let last {
                let elapsed = max(0, now.monotonic - last.monotonic)
                target = last.timestamp &+ UInt32(truncatingIfNeeded: elapsed * clockRate / 1_000_000_000)
            }
            offset = target &- timestamp
        }
        if anchor == nil { anchor = (timestamp, now.wall) }
        let placed = timestamp &+ offset!
        last = (placed, now.monotonic)
        let ticks = Int64(Int32(bitPattern: timestamp &- anchor!.rtp))
        return (placed, anchor!.wallNanos + ticks * 1_000_000_000 / clockRate)
    }
}
