import H264

/// An RTSP source a proxy camera relays: each `open` starts one upstream session whose
/// events arrive through `events`, in order, ending with `.closed`. The Composition layer
/// implements it with camsim's RTSP client; tests use a fake.
public protocol ProxyUpstream: Sendable {
    /// Connects (DESCRIBE, SETUP, PLAY); `events` may be called on any thread.
    func open(events: @escaping @Sendable (UpstreamEvent) -> Void) -> any UpstreamSession
    /// The upstream URL without credentials, for logs.
    var displayURL: String { get }
}

/// One upstream session; `close` tears it down (TEARDOWN) and ends its events.
public protocol UpstreamSession: Sendable {
    func close()
}

/// What an upstream session reports.
public enum UpstreamEvent: Sendable {
    /// The upstream answered DESCRIBE and plays: its video track.
    case described(UpstreamDescription)
    /// One access unit of the video track, depayloaded (RFC 6184).
    case accessUnit(UpstreamAccessUnit)
    /// An RTCP sender report of the video track: the upstream's wall clock (NTP, RFC 3550
    /// §6.4.1) at `rtpTimestamp`.
    case senderReport(ntpTimestamp: UInt64, rtpTimestamp: UInt32)
    /// The upstream's own packet loss so far, in percent of the packets expected.
    case loss(percent: Double)
    /// The session ended (refused, unreachable, lost, torn down); nothing follows.
    case closed(reason: String)
}

/// The upstream's video track as its SDP describes it.
public struct UpstreamDescription: Sendable, Equatable {
    /// The rtpmap encoding name, e.g. `H264`.
    public var encodingName: String
    public var clockRate: Int
    /// From `sprop-parameter-sets` (RFC 6184 §8.2.1); nil until seen in band.
    public var parameterSets: ParameterSets?
    /// `a=framerate`, if given.
    public var frameRate: Double?

    public init(encodingName: String, clockRate: Int = 90_000, parameterSets: ParameterSets? = nil, frameRate: Double? = nil) {
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.parameterSets = parameterSets
        self.frameRate = frameRate
    }

    /// Whether camsim can relay it: H.264 only for now.
    public var isSupported: Bool { encodingName.uppercased() == "H264" && clockRate == 90_000 }
}

/// One depayloaded access unit: its NAL units without start codes.
public struct UpstreamAccessUnit: Sendable {
    public var nalUnits: [[UInt8]]
    public var rtpTimestamp: UInt32
    public var isIDR: Bool
    /// False when packets of it were lost: it is not relayed.
    public var isComplete: Bool

    public init(nalUnits: [[UInt8]], rtpTimestamp: UInt32, isIDR: Bool, isComplete: Bool = true) {
        self.nalUnits = nalUnits
        self.rtpTimestamp = rtpTimestamp
        self.isIDR = isIDR
        self.isComplete = isComplete
    }
}

/// Why a proxy camera cannot be described now; the DESCRIBE answer says so.
public enum ProxyRefusal: Error, Sendable, Equatable {
    /// Upstream is down; the next attempt is in `retryAfterSeconds` (503 with Retry-After).
    case upstreamUnavailable(retryAfterSeconds: Int)
    /// Upstream sends a codec camsim cannot relay (415).
    case unsupportedCodec(String)
}
