import ONVIF

/// Cuts the ProbeMatch elements answering one Probe into ProbeMatches messages, each a
/// datagram under ``DiscoveryLimits/datagramBudget`` bytes: WS-Discovery §5.3 lets one
/// ProbeMatches carry several ProbeMatch elements, and SOAP-over-UDP §3 wants each message
/// in one datagram. Matches go in order, as many per datagram as fit; a match too large
/// for any datagram (hundreds of scopes) goes alone, the one case over budget.
public struct ProbeMatchPacking: Sendable {
    public var budget: Int

    public init(budget: Int = DiscoveryLimits.datagramBudget) { self.budget = budget }

    /// The datagrams answering `relatesTo` with `targets`, in order; `nextMessage` gives each
    /// datagram its MessageID and AppSequence.
    public func pack(
        _ targets: [DiscoveryTarget], relatesTo: String,
        nextMessage: () -> (messageID: String, sequence: AppSequence)
    ) -> [[UInt8]] {
        var datagrams: [[UInt8]] = []
        var index = 0
        while index < targets.count {
            let (messageID, sequence) = nextMessage()
            // The envelope without matches, closing tags included: the exact overhead.
            let overhead = DiscoveryMessage.probeMatches(
                fragment: XMLWriter(), relatesTo: relatesTo, messageID: messageID, sequence: sequence
            ).count
            var fragment = XMLWriter()
            var size = overhead
            while index < targets.count {
                let match = DiscoveryMessage.probeMatch(targets[index])
                let matchSize = match.text.utf8.count
                // Under the budget, or alone in its datagram whatever its size.
                guard size + matchSize < budget || size == overhead else { break }
                fragment.append(match)
                size += matchSize
                index += 1
                if size >= budget { break }
            }
            datagrams.append(
                DiscoveryMessage.probeMatches(fragment: fragment, relatesTo: relatesTo, messageID: messageID, sequence: sequence))
        }
        return datagrams
    }
}
