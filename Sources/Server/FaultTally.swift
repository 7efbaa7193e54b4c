import Faults

/// What faults did: network counts (RTP and RTCP), media counts, and for a camera
/// the sessions they came from and the reboots it went through.
public struct FaultTally: Sendable, CustomStringConvertible {
    public var network = NetworkFaultCounters()
    public var media = MediaFaultCounters()
    public var sessions = 0
    public var reboots = 0

    public static func + (lhs: FaultTally, rhs: FaultTally) -> FaultTally {
        var sum = lhs
        sum.network = lhs.network + rhs.network
        sum.media = lhs.media + rhs.media
        sum.sessions += rhs.sessions
        sum.reboots += rhs.reboots
        return sum
    }

    public var description: String {
        let net = network
        let framesDropped = media.dropped.values.reduce(0, +)
        var text = "packets passed \(net.passed), dropped \(net.dropped) (random \(net.droppedRandom), "
            + "burst \(net.droppedBurst), outage \(net.droppedOutage), queue \(net.droppedQueue)), "
            + "delayed \(net.delayed), reordered \(net.reordered), duplicated \(net.duplicated), "
            + "corrupted \(net.corrupted); frames sent \(media.sent), dropped \(framesDropped), repeated \(media.repeated)"
        if sessions > 0 || reboots > 0 { text += "; sessions \(sessions), reboots \(reboots)" }
        return text
    }
}
