/// RTSP transports a fault can refuse.
public enum TransportKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// RTP over UDP (`RTP/AVP` or `RTP/AVP/UDP`).
    case udp
    /// RTP interleaved in the RTSP TCP connection (`RTP/AVP/TCP`).
    case tcp
}

/// Faults of the RTSP control plane, as data. Optional fields as in
/// ``NetworkFaultProfile``; times are nanoseconds of elapsed time since the
/// camera started (schedules) or since the connection/session began (timeouts).
public struct ControlFaultProfile: Sendable, Equatable, Hashable {
    /// The camera refuses every connection (it is offline).
    public var offline: Bool?
    /// Reboots: while the window is active the camera is down (all sessions
    /// dropped, connections refused); each new occurrence is a new epoch.
    public var reboot: FaultWindow?
    /// Reset each TCP connection this long after it was accepted.
    public var resetConnectionAfter: Int64?
    /// Answer these methods (upper-case, e.g. `SETUP`) with this status instead.
    public var statusOverrides: [String: Int]?
    /// Delay before each RTSP response.
    public var responseDelay: Int64?
    /// Uniform jitter (±) on the response delay.
    public var responseJitter: Int64?
    /// Transports refused with 461 Unsupported Transport.
    public var deniedTransports: Set<TransportKind>?
    /// End each session this long after SETUP, whatever its timeout says.
    public var closeSessionAfter: Int64?
    /// Send no RTCP at all.
    public var noRTCP: Bool?
    /// Most concurrent viewers; more are refused.
    public var maxViewers: Int?
    /// Status for viewers beyond ``maxViewers``: 453 (default) or 503.
    public var maxViewersStatus: Int?
    /// Faults of authentication (stale nonces, lockout, broken challenges, ...).
    public var auth: AuthFaultProfile
    /// Faults of the camera's ONVIF device (SOAP faults, slow answers, a skewed clock, discovery, events).
    public var onvif: ONVIFFaultProfile

    public static let defaultMaxViewersStatus = 453
    public static let unsupportedTransportStatus = 461

    public init(
        offline: Bool? = nil,
        reboot: FaultWindow? = nil,
        resetConnectionAfter: Int64? = nil,
        statusOverrides: [String: Int]? = nil,
        responseDelay: Int64? = nil,
        responseJitter: Int64? = nil,
        deniedTransports: Set<TransportKind>? = nil,
        closeSessionAfter: Int64? = nil,
        noRTCP: Bool? = nil,
        maxViewers: Int? = nil,
        maxViewersStatus: Int? = nil,
        auth: AuthFaultProfile = AuthFaultProfile(),
        onvif: ONVIFFaultProfile = ONVIFFaultProfile()
    ) {
        self.offline = offline
        self.reboot = reboot
        self.resetConnectionAfter = resetConnectionAfter
        self.statusOverrides = statusOverrides
        self.responseDelay = responseDelay
        self.responseJitter = responseJitter
        self.deniedTransports = deniedTransports
        self.closeSessionAfter = closeSessionAfter
        self.noRTCP = noRTCP
        self.maxViewers = maxViewers
        self.maxViewersStatus = maxViewersStatus
        self.auth = auth
        self.onvif = onvif
    }

    /// This profile with every field that `later` sets replaced by `later`'s
    /// value; status overrides are merged per method (later wins).
    public func merged(with later: ControlFaultProfile) -> ControlFaultProfile {
        var overrides = statusOverrides
        if let laterOverrides = later.statusOverrides {
            overrides = (overrides ?? [:]).merging(laterOverrides) { _, new in new }
        }
        return ControlFaultProfile(
            offline: later.offline ?? offline,
            reboot: later.reboot ?? reboot,
            resetConnectionAfter: later.resetConnectionAfter ?? resetConnectionAfter,
            statusOverrides: overrides,
            responseDelay: later.responseDelay ?? responseDelay,
            responseJitter: later.responseJitter ?? responseJitter,
            deniedTransports: later.deniedTransports ?? deniedTransports,
            closeSessionAfter: later.closeSessionAfter ?? closeSessionAfter,
            noRTCP: later.noRTCP ?? noRTCP,
            maxViewers: later.maxViewers ?? maxViewers,
            maxViewersStatus: later.maxViewersStatus ?? maxViewersStatus,
            auth: auth.merged(with: later.auth),
            onvif: onvif.merged(with: later.onvif)
        )
    }

    public var isEmpty: Bool { self == ControlFaultProfile() }
}
