/// The last receiver report a session's viewer sent about its stream, in everyday
/// units (RFC 3550 §6.4.1, §6.4.2): what the control API shows for a session.
public struct ReceptionReport: Sendable, Equatable {
    /// Fraction of packets lost since the viewer's previous report, 0...1.
    public var fractionLost: Double
    /// Packets lost since the start (negative when duplicates arrived).
    public var cumulativeLost: Int
    /// Interarrival jitter in seconds of the stream's clock.
    public var jitterSeconds: Double
    /// Round-trip time from LSR/DLSR; nil until the viewer has echoed one of our SRs.
    public var roundTripSeconds: Double?
    /// When the report arrived, wall-clock nanoseconds since the Unix epoch.
    public var receivedWallClockNanos: Int64
    /// Receiver reports about the stream so far.
    public var count: Int

    public init(
        fractionLost: Double, cumulativeLost: Int, jitterSeconds: Double, roundTripSeconds: Double?,
        receivedWallClockNanos: Int64, count: Int
    ) {
        self.fractionLost = fractionLost
        self.cumulativeLost = cumulativeLost
        self.jitterSeconds = jitterSeconds
        self.roundTripSeconds = roundTripSeconds
        self.receivedWallClockNanos = receivedWallClockNanos
        self.count = count
    }
}
