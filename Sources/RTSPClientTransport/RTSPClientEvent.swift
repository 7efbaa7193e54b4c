import RTP
import RTSPClient

/// What an `RTSPClientConnection` reports, in order.
public enum RTSPClientEvent: Sendable {
    /// DESCRIBE answered: the SDP, the resolved track URLs, and which tracks (indices into
    /// `description.tracks`) are being set up.
    case described(RTSPClientDescription, selectedTracks: [Int])
    /// PLAY answered: the session and each track's transport.
    case playing(RTSPClientSession)
    /// One RTP packet (RFC 3550 §5.1) of a set-up track.
    case rtp(RTSPClientRTPPacket)
    /// One RTCP compound packet (RFC 3550 §6) of a set-up track.
    case rtcp(RTSPClientRTCPPacket)
    /// One H.264 access unit of an H.264 track (RFC 6184), complete or lossy.
    case accessUnit(RTSPClientAccessUnit)
    /// The session is over: nil after `close()`, else why. Always the last event.
    case closed(RTSPClientError?)
}

/// An RTP packet as it arrived.
public struct RTSPClientRTPPacket: Sendable {
    /// Index into `RTSPClientDescription.tracks`.
    public var track: Int
    public var header: RTPHeader
    /// The whole packet, header included.
    public var bytes: [UInt8]
    /// Where the payload lies in `bytes` (after CSRCs and extension, before padding).
    public var payloadRange: Range<Int>
    /// When it was read from the socket.
    public var arrival: ContinuousClock.Instant

    public init(track: Int, header: RTPHeader, bytes: [UInt8], payloadRange: Range<Int>, arrival: ContinuousClock.Instant) {
        self.track = track
        self.header = header
        self.bytes = bytes
        self.payloadRange = payloadRange
        self.arrival = arrival
    }

    public var payload: ArraySlice<UInt8> { bytes[payloadRange] }
}

/// An RTCP compound packet as it arrived, parsed.
public struct RTSPClientRTCPPacket: Sendable {
    public var track: Int
    public var packets: [RTCPPacket]
    public var bytes: [UInt8]
    public var arrival: ContinuousClock.Instant
    /// The wall-clock time it arrived, for relating sender reports to real time.
    public var arrivalWallClock: NTPTimestamp

    public init(
        track: Int, packets: [RTCPPacket], bytes: [UInt8], arrival: ContinuousClock.Instant,
        arrivalWallClock: NTPTimestamp
    ) {
        self.track = track
        self.packets = packets
        self.bytes = bytes
        self.arrival = arrival
        self.arrivalWallClock = arrivalWallClock
    }
}

/// An H.264 access unit rebuilt from a track's packets.
public struct RTSPClientAccessUnit: Sendable {
    public var track: Int
    public var unit: H264AccessUnit
    /// When the packet that completed it arrived.
    public var arrival: ContinuousClock.Instant

    public init(track: Int, unit: H264AccessUnit, arrival: ContinuousClock.Instant) {
        self.track = track
        self.unit = unit
        self.arrival = arrival
    }
}
