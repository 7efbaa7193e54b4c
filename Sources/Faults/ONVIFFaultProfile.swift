/// Faults of a camera's ONVIF device, as data: what its SOAP services, its events and its
/// WS-Discovery answers do wrong on purpose. Times are nanoseconds.
public struct ONVIFFaultProfile: Sendable, Equatable, Hashable {
    /// Operations (local names, `GetProfiles`) answered with a SOAP fault instead; `*` is every operation.
    public var faultOperations: Set<String>?
    /// Every SOAP response is held this long before it is sent.
    public var slow: Int64?
    /// The camera's clock, as `GetSystemDateAndTime` tells it and WS-Security checks
    /// `Created` against, is off by this much (negative: behind).
    public var clockSkew: Int64?
    /// The camera answers no WS-Discovery Probe and sends no Hello or Bye.
    public var discoverySilent: Bool?
    /// Each of the camera's ProbeMatches is sent this many times in all.
    public var discoveryDuplicates: Int?
    /// Events stop this long after a subscription was created: pulls then bring none.
    public var eventsStopAfter: Int64?
    /// Each event is delivered this long after it happened.
    public var eventsLate: Int64?
    /// A subscription ends this long after it was created or renewed, whatever termination time it was given.
    public var subscriptionExpiresAfter: Int64?

    public init(
        faultOperations: Set<String>? = nil, slow: Int64? = nil, clockSkew: Int64? = nil, discoverySilent: Bool? = nil,
        discoveryDuplicates: Int? = nil, eventsStopAfter: Int64? = nil, eventsLate: Int64? = nil,
        subscriptionExpiresAfter: Int64? = nil
    ) {
        self.faultOperations = faultOperations
        self.slow = slow
        self.clockSkew = clockSkew
        self.discoverySilent = discoverySilent
        self.discoveryDuplicates = discoveryDuplicates
        self.eventsStopAfter = eventsStopAfter
        self.eventsLate = eventsLate
        self.subscriptionExpiresAfter = subscriptionExpiresAfter
    }

    /// Every field `later` sets replaces this one's.
    public func merged(with later: ONVIFFaultProfile) -> ONVIFFaultProfile {
        ONVIFFaultProfile(
            faultOperations: later.faultOperations ?? faultOperations, slow: later.slow ?? slow,
            clockSkew: later.clockSkew ?? clockSkew, discoverySilent: later.discoverySilent ?? discoverySilent,
            discoveryDuplicates: later.discoveryDuplicates ?? discoveryDuplicates,
            eventsStopAfter: later.eventsStopAfter ?? eventsStopAfter, eventsLate: later.eventsLate ?? eventsLate,
            subscriptionExpiresAfter: later.subscriptionExpiresAfter ?? subscriptionExpiresAfter)
    }

    public var isEmpty: Bool { self == ONVIFFaultProfile() }

    /// Whether `operation` (a local name) is answered with a fault.
    public func faults(_ operation: String) -> Bool {
        guard let operations = faultOperations else { return false }
        return operations.contains("*") || operations.contains(operation)
    }
}
