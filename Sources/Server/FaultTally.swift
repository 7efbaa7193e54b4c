import Faults

/// What faults did: network counts (RTP and RTCP), media counts, and for a camera
/// the sessions they came from and the reboots it went through.
public struct FaultTally: Sendable, CustomStringConvertible {
    public var network = NetworkFaultCounters()
    public var media = MediaFaultCounters()
    /// What auth faults did (counted per camera, not per session: they act before one exists).
    public var auth = AuthFaultCounters()
    public var sessions = 0
    public var reboots = 0

    public static func + (lhs: FaultTally, rhs: FaultTally) -> FaultTally {
        var sum = lhs
        sum.network = lhs.network + rhs.network
        sum.media = lhs.media + rhs.media
        sum.auth = lhs.auth + rhs.auth
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
        if auth.total > 0 {
            text += "; auth: stale nonces \(auth.staleNonces), correct answers rejected \(auth.rejectedCorrect), "
                + "realm changed \(auth.realmChanged), re-auth demanded \(auth.reauthDemanded), "
                + "locked out \(auth.lockedOut), malformed challenges \(auth.malformedChallenges), "
                + "narrowed challenges \(auth.narrowedChallenges)"
        }
        return text
    }
}
