import RTP

/// What one session's backchannel track has received so far.
public struct BackchannelCounters: Hashable, Sendable {
    /// RTP packets of the track's payload type that were accepted.
    public var packets = 0
    /// Their payload bytes (the audio), headers and padding excluded.
    public var payloadBytes = 0
    /// Packets the sequence numbers say never arrived (RFC 3550 §A.3), never negative.
    public var lost = 0
    /// Datagrams refused: not RTP, another payload type, or larger than
    /// `BackchannelReception.maximumPacketSize`.
    public var rejected = 0
    /// Accepted packets that repeated a sequence number already received.
    public var duplicates = 0
    /// Accepted packets that arrived after a later one.
    public var reordered = 0
    /// Interarrival jitter (RFC 3550 §A.8) in seconds.
    public var jitterSeconds = 0.0
    /// The sender's SSRC, from the first accepted packet.
    public var ssrc: UInt32?

    public init() {}
}

/// The receiving side of an ONVIF backchannel track (ONVIF Streaming Specification §5.3):
/// reads each RTP packet the client sends, keeps the counters and says which bytes are the
/// audio to record. Pure: the caller brings the bytes and the arrival time.
public struct BackchannelReception: Sendable {
    /// Largest RTP packet accepted: G.711 at 8 kHz sends 160-byte payloads every 20 ms, and
    /// even a 100 ms packet is under 1 KB.
    public static let maximumPacketSize = 4096

    /// The payload type the SDP offered (0 for PCMU, 8 for PCMA).
    public let payloadType: UInt8
    public let clockRate: Int
    public private(set) var counters = BackchannelCounters()
    /// Sequence and jitter bookkeeping (RFC 3550 §A.1, §A.3, §A.8); the SETUP already named
    /// the source, so its first packet counts.
    private var statistics = RTPReceptionStatistics(minSequential: 1)

    public init(payloadType: UInt8, clockRate: Int = 8000) {
        self.payloadType = payloadType
        self.clockRate = clockRate
    }

    /// Reads one packet that arrived at `arrivalNanoseconds` (any monotonic clock); returns
    /// the offsets of its payload within `packet`, or nil when it was refused.
    public mutating func receive(
        _ packet: some RandomAccessCollection<UInt8>, arrivalNanoseconds: Int64
    ) -> Range<Int>? {
        guard packet.count <= Self.maximumPacketSize,
              let (header, payload) = try? RTPHeader.parse(packet),
              header.payloadType == payloadType
        else {
            counters.rejected += 1
            return nil
        }
        if counters.ssrc == nil { counters.ssrc = header.ssrc }
        counters.packets += 1
        counters.payloadBytes += payload.count
        // Arrival in units of the RTP clock, modulo 2^32 (§A.8).
        let ticks = arrivalNanoseconds.multipliedReportingOverflow(by: Int64(clockRate)).partialValue / 1_000_000_000
        _ = statistics.record(sequenceNumber: header.sequenceNumber, timestamp: header.timestamp,
                              arrival: UInt32(truncatingIfNeeded: ticks))
        counters.lost = statistics.totalLost
        counters.duplicates = statistics.duplicates
        counters.reordered = statistics.reordered
        counters.jitterSeconds = statistics.jitterSeconds(clockRate: UInt32(clockRate))
        return payload
    }
}
