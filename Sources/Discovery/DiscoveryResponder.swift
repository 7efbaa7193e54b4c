import Randomness

/// The Target Service side of WS-Discovery for all of a server's cameras, as a state machine:
/// it is told the cameras and the datagrams that arrive, with the time, and answers with the
/// datagrams to send and when (``DiscoverySend``). No sockets, no clock of its own: its
/// randomness (jitter, MessageIDs) is seeded, so the same inputs give the same sends.
///
/// - ``announce(_:now:)``: a Hello for each camera that appeared or whose metadata changed
///   (raising its MetadataVersion), a Bye for each that went (WS-Discovery §4.1, §4.2).
/// - ``receive(_:multicast:targets:now:)``: a Probe's ProbeMatches (WS-Discovery §5.3), packed
///   under the datagram budget, each datagram after its own random wait up to APP_MAX_DELAY
///   when the Probe was multicast, each repeated as SOAP-over-UDP says (``DiscoveryTiming``).
///   A Probe seen before (a client's own repeat) is answered once; at most
///   ``maxProbesPerSecond`` Probes are answered a second, so forged Probes cannot make the
///   server a traffic amplifier.
/// - ``byeAll(now:)``: a Bye for every announced camera, at shutdown.
public struct DiscoveryResponder: Sendable {
    public var timing: DiscoveryTiming
    public var packing = ProbeMatchPacking()
    public var maxProbesPerSecond = 20
    private var random: SeededGenerator
    private var sequence: AppSequence
    /// The cameras announced, by endpoint reference, with their MetadataVersion.
    private var announced: [String: DiscoveryTarget] = [:]
    private var recentProbes: [String] = []
    private var answeredTimes: [Int64] = []

    public init(instanceID: UInt32, seed: UInt64, timing: DiscoveryTiming = DiscoveryTiming()) {
        self.timing = timing
        random = SeededGenerator.derived(from: seed, "ws-discovery")
        sequence = AppSequence(instanceID: instanceID)
    }

    /// The endpoint references announced so far.
    public var announcedReferences: Set<String> { Set(announced.keys) }

    /// Hello for new or changed cameras, Bye for gone ones. A silent camera (``DiscoveryTarget/silent``)
    /// counts as gone, without a Bye.
    public mutating func announce(_ targets: [DiscoveryTarget], now: Int64) -> [DiscoverySend] {
        var sends: [DiscoverySend] = []
        var present = Set<String>()
        for var target in targets {
            present.insert(target.endpointReference)
            if target.silent {
                announced[target.endpointReference] = nil
                continue
            }
            if let known = announced[target.endpointReference] {
                target.metadataVersion = known.metadataVersion
                guard target.announcesDifferently(from: known) else {
                    announced[target.endpointReference] = target
                    continue
                }
                target.metadataVersion = known.metadataVersion &+ 1
            } else {
                target.metadataVersion = max(target.metadataVersion, 1)
            }
            announced[target.endpointReference] = target
            let id = messageID()
            let bytes = DiscoveryMessage.hello(target, messageID: id, sequence: sequence.take())
            sends += repeated(bytes, to: .group, first: now + delay(upTo: timing.appMaxDelay), messageID: id)
        }
        for reference in announced.keys.sorted() where !present.contains(reference) {
            sends += bye(announced.removeValue(forKey: reference)!, now: now)
        }
        return sends
    }

    /// A Bye for every announced camera, now.
    public mutating func byeAll(now: Int64) -> [DiscoverySend] {
        var sends: [DiscoverySend] = []
        for reference in announced.keys.sorted() { sends += bye(announced.removeValue(forKey: reference)!, now: now) }
        return sends
    }

    /// The answer to one datagram: ProbeMatches if it is a Probe some cameras match, else nothing.
    /// `targets` are the cameras as seen from where the datagram arrived (their XAddrs name
    /// that address); `multicast` says it was sent to the group.
    public mutating func receive(_ bytes: [UInt8], multicast: Bool, targets: [DiscoveryTarget], now: Int64) -> [DiscoverySend] {
        guard let probe = accept(bytes, now: now) else { return [] }
        return answer(probe, multicast: multicast, targets: targets, now: now)
    }

    /// The Probe in `bytes` if it is one to answer: not one seen before, not beyond the rate.
    /// A driver calls this before it works out the targets, then ``answer(_:multicast:targets:now:)``.
    public mutating func accept(_ bytes: [UInt8], now: Int64) -> Probe? {
        guard let probe = Probe.parse(bytes), !recentProbes.contains(probe.messageID) else { return nil }
        recentProbes.append(probe.messageID)
        if recentProbes.count > DiscoveryLimits.rememberedProbes { recentProbes.removeFirst() }
        answeredTimes.removeAll { now - $0 >= 1_000_000_000 }
        guard answeredTimes.count < maxProbesPerSecond else { return nil }
        answeredTimes.append(now)
        return probe
    }

    /// The ProbeMatches for an accepted `probe`.
    public mutating func answer(_ probe: Probe, multicast: Bool, targets: [DiscoveryTarget], now: Int64) -> [DiscoverySend] {
        var matching: [DiscoveryTarget] = []
        for var target in targets where !target.silent && target.matches(probe) {
            target.metadataVersion = announced[target.endpointReference]?.metadataVersion ?? target.metadataVersion
            matching.append(target)
        }
        var sends: [DiscoverySend] = []
        // Copy k of every camera with more than k copies: duplicates travel in messages of their own.
        let rounds = matching.map(\.copies).max() ?? 0
        for round in 0..<rounds {
            let batch = matching.filter { $0.copies > round }
            var ids: [String] = []
            let datagrams = packing.pack(batch, relatesTo: probe.messageID) {
                let id = messageID()
                ids.append(id)
                return (id, sequence.take())
            }
            for (datagram, id) in zip(datagrams, ids) {
                let first = now + (multicast ? delay(upTo: timing.appMaxDelay) : 0)
                sends += repeated(datagram, to: .sender, first: first, messageID: id)
            }
        }
        return sends.sorted { $0.at < $1.at }
    }

    private mutating func bye(_ target: DiscoveryTarget, now: Int64) -> [DiscoverySend] {
        let id = messageID()
        let bytes = DiscoveryMessage.bye(target, messageID: id, sequence: sequence.take())
        return repeated(bytes, to: .group, first: now, messageID: id)
    }

    /// The first send and its repeats (SOAP-over-UDP 1.1 Appendix I).
    private mutating func repeated(
        _ bytes: [UInt8], to destination: DiscoverySend.Destination, first: Int64, messageID: String
    ) -> [DiscoverySend] {
        var sends = [DiscoverySend(bytes: bytes, destination: destination, at: first, messageID: messageID)]
        let count = destination == .group ? timing.multicastRepeat : timing.unicastRepeat
        guard count > 0 else { return sends }
        var wait = timing.minDelay + delay(upTo: timing.maxDelay - timing.minDelay)
        var at = first
        for _ in 0..<count {
            at += wait
            sends.append(DiscoverySend(bytes: bytes, destination: destination, at: at, messageID: messageID))
            wait = min(wait * 2, timing.upperDelay)
        }
        return sends
    }

    /// A uniform wait in `0...limit`.
    private mutating func delay(upTo limit: Int64) -> Int64 {
        limit > 0 ? Int64.random(in: 0...limit, using: &random) : 0
    }

    /// A fresh `urn:uuid:` (RFC 9562 version 4 layout, from the seeded generator).
    private mutating func messageID() -> String {
        var bytes = (0..<2).flatMap { _ in withUnsafeBytes(of: random.next().bigEndian, Array.init) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }
        return "urn:uuid:" + groups.joined(separator: "-")
    }
}
