import RTP

/// The RTCP sender side of one session (RFC 3550 §6.4.1): what this viewer was sent,
/// and when the next sender report is due.
struct SenderReportState {
    /// Packets and payload octets sent to this viewer (RFC 3550 §6.4.1 sender's counts).
    private(set) var packetCount: UInt32 = 0
    private(set) var octetCount: UInt32 = 0
    private var schedule: RTCPReportSchedule
    private let firstReportDelayNanoseconds: Int64
    private let intervalNanoseconds: Int64
    let cname: String
    /// When the recent reports left, for round-trip times from receiver reports.
    private(set) var sent = SenderReportLog()

    init(cname: String, firstReportDelayNanoseconds: Int64 = 200_000_000, intervalNanoseconds: Int64 = 5_000_000_000) {
        self.cname = cname
        self.firstReportDelayNanoseconds = firstReportDelayNanoseconds
        self.intervalNanoseconds = intervalNanoseconds
        schedule = RTCPReportSchedule(
            startNanoseconds: .max, firstDelayNanoseconds: firstReportDelayNanoseconds,
            intervalNanoseconds: intervalNanoseconds)
    }

    /// Playing (again) from `now`: the first report comes soon after.
    mutating func start(atNanoseconds now: Int64) {
        schedule = RTCPReportSchedule(
            startNanoseconds: now, firstDelayNanoseconds: firstReportDelayNanoseconds,
            intervalNanoseconds: intervalNanoseconds)
    }

    mutating func record(packets: Int, payloadOctets: Int) {
        packetCount &+= UInt32(truncatingIfNeeded: packets)
        octetCount &+= UInt32(truncatingIfNeeded: payloadOctets)
    }

    /// An SR + SDES CNAME compound when one is due, mapping the frame's capture wall
    /// clock (NTP) to its RTP timestamp, so both clocks describe the same instant.
    mutating func reportIfDue(
        atNanoseconds now: Int64, ssrc: UInt32, rtpTimestamp: UInt32, captureWallClockNanos: Int64
    ) -> [UInt8]? {
        guard schedule.isDue(atNanoseconds: now) else { return nil }
        schedule.markSent(atNanoseconds: now)
        let ntp = NTPTimestamp(unixNanoseconds: captureWallClockNanos)
        sent.note(middle32: ntp.middle32, sentAt: now)
        return RTCPCompound.serialize([
            .senderReport(RTCPSenderReport(
                ssrc: ssrc,
                ntpTimestamp: ntp.rawValue,
                rtpTimestamp: rtpTimestamp,
                packetCount: packetCount,
                octetCount: octetCount,
                reportBlocks: []
            )),
            .sourceDescription(RTCPSourceDescription(ssrc: ssrc, cname: cname)),
        ])
    }

    /// RR-less goodbye: SR-free compound of SDES + BYE (RFC 3550 §6.6).
    func goodbye(ssrc: UInt32, reason: String?) -> [UInt8] {
        RTCPCompound.serialize([
            .sourceDescription(RTCPSourceDescription(ssrc: ssrc, cname: cname)),
            .bye(RTCPBye(sources: [ssrc], reason: reason)),
        ])
    }
}
