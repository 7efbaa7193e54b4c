/// What a receiver knows about one RTP source from the packets it got (RFC 3550 §6.4.1,
/// Appendix A.1, A.3 and A.8). Pure: the caller parses each packet and passes its sequence
/// number, timestamp and arrival time; nothing here reads a clock.
///
/// API:
/// - `init(minSequential:)`: a new source on probation; it becomes valid after
///   `minSequential` packets in sequence (§A.1 MIN_SEQUENTIAL, 2 by default; 1 accepts the
///   first packet, for a source already known from signalling).
/// - `record(sequenceNumber:timestamp:arrival:) -> Disposition`: one packet. `arrival` is
///   the arrival time in units of the source's RTP clock, modulo 2^32 (for example
///   `RTPTimestampClock(rate: 90_000, base: 0).timestamp(atNanoseconds: monotonicNow)`).
/// - Sequence (§A.1): `extendedHighestSequence`, `baseSequence`, `cycles`; a jump of more
///   than `maxDropout` ahead or `maxMisorder` behind is held back until the next packet
///   follows it, and then the source restarts (`restarts` counts them).
/// - Loss (§A.3): `expected`, `received` (duplicates included, as the RFC counts),
///   `cumulativeLost` (expected − received; negative when duplicates arrive), `lost` and
///   `lossRatio` (duplicates excluded, never negative), and `takeIntervalFraction()`, the
///   "fraction lost" since the previous call, for a receiver report.
///   `totalExpected`/`totalReceived`/`totalLost` add up every run across restarts.
/// - `reordered` (late packets that filled a gap) and `duplicates` (a sequence number seen
///   already), counted over the last `RTPSequenceWindow.span` numbers.
/// - Jitter (§A.8): `jitter` in RTP clock units (the running J/16 estimator, as a
///   Double), `jitterTicks` as a report block carries it, `jitterSeconds(clockRate:)`.
///   Updated by every counted packet except duplicates.
/// - `reportBlock(ssrc:lastSR:delaySinceLastSR:)`: a ready RR block (takes the interval).
public struct RTPReceptionStatistics: Hashable, Sendable {
    /// §A.1 MAX_DROPOUT: the largest forward jump still taken as loss.
    public static let maxDropout: UInt16 = 3_000
    /// §A.1 MAX_MISORDER: the furthest behind the highest number a packet counts as late.
    public static let maxMisorder: UInt16 = 100
    /// §A.1 MIN_SEQUENTIAL.
    public static let defaultMinSequential = 2
    /// §A.1 RTP_SEQ_MOD.
    static let sequenceModulus = 1 << 16

    /// What `record` made of a packet.
    public enum Disposition: Hashable, Sendable {
        /// The source is not valid yet; the packet is not counted.
        case probation
        /// The packet's number is past the highest so far (gaps before it count as lost
        /// until they arrive).
        case inOrder
        /// A late packet that fills a gap.
        case reordered
        /// A number already received.
        case duplicate
        /// A large jump; not counted unless the next packet follows it.
        case jumped
        /// The packet followed a large jump: the source restarted at it.
        case restarted
    }

    public let minSequential: Int

    /// §A.1 probation: packets still needed in sequence before the source is valid.
    public private(set) var probation: Int
    /// §A.1 max_seq: the highest sequence number seen.
    public private(set) var maxSequence: UInt16 = 0
    /// §A.1 cycles: wraps of the sequence number, shifted left 16 bits.
    public private(set) var cycles: UInt32 = 0
    /// §A.1 base_seq: the first counted sequence number of the current run.
    public private(set) var baseSequence: UInt16 = 0
    /// §A.1 bad_seq: the number after a large jump; the next packet carrying it restarts the source.
    var badSequence: Int = sequenceModulus + 1
    /// §A.1 received: packets counted in this run, late ones and duplicates included.
    public private(set) var received: Int = 0
    /// §A.3 expected_prior and received_prior, for the interval fraction.
    var expectedPrior: Int = 0
    var receivedPrior: Int = 0
    /// Expected, received and duplicate packets of runs before the last restart.
    var expectedBeforeRestart: Int = 0
    var receivedBeforeRestart: Int = 0
    var duplicatesBeforeRestart: Int = 0
    var duplicatesThisRun: Int = 0
    /// Which of the last numbers up to `maxSequence` arrived (duplicate detection).
    var window = RTPSequenceWindow()

    /// Late packets that filled a gap, over every run.
    public private(set) var reordered: Int = 0
    /// Packets whose number had arrived already, over every run.
    public var duplicates: Int { duplicatesBeforeRestart + duplicatesThisRun }
    /// Times the source restarted after a large jump (§A.1).
    public private(set) var restarts: Int = 0
    /// Packets `record` was given, whatever it made of them.
    public private(set) var packetsSeen: Int = 0

    /// §A.8: the previous packet's relative transit time, nil before the first.
    var lastTransit: UInt32?
    /// §A.8 J, in RTP clock units.
    public private(set) var jitter: Double = 0

    public init(minSequential: Int = Self.defaultMinSequential) {
        self.minSequential = max(1, minSequential)
        probation = self.minSequential
    }

    /// True once the source has passed probation.
    public var isValid: Bool { probation == 0 }

    /// The extended highest sequence number received (§6.4.1): cycles plus max_seq.
    public var extendedHighestSequence: UInt32 { cycles &+ UInt32(maxSequence) }

    /// Records one packet (§A.1 update_seq, with §A.8 jitter).
    @discardableResult
    public mutating func record(sequenceNumber seq: UInt16, timestamp: UInt32, arrival: UInt32) -> Disposition {
        packetsSeen += 1
        let disposition = updateSequence(seq)
        switch disposition {
        case .inOrder, .reordered:
            updateJitter(timestamp: timestamp, arrival: arrival)
        case .restarted:
            lastTransit = nil
            updateJitter(timestamp: timestamp, arrival: arrival)
        case .probation:
            // Transit is remembered so the first counted packet already yields a difference.
            lastTransit = arrival &- timestamp
        case .duplicate, .jumped:
            break
        }
        return disposition
    }

    /// §A.1 update_seq, plus reordering and duplicate detection.
    mutating func updateSequence(_ seq: UInt16) -> Disposition {
        if probation > 0 {
            // Before the first packet max_seq is unset; any number starts the run.
            if seq == maxSequence &+ 1 || packetsSeen == 1 && probation == minSequential {
                probation -= 1
                maxSequence = seq
                if probation == 0 {
                    startRun(at: seq)
                    // The probation packets were in sequence: mark them received.
                    for behind in 1..<minSequential { window.mark(distance: behind) }
                    received += 1
                    return .inOrder
                }
            } else {
                probation = minSequential - 1
                maxSequence = seq
            }
            return .probation
        }
        let delta = seq &- maxSequence
        if delta == 0 {
            received += 1
            duplicatesThisRun += 1
            return .duplicate
        } else if delta < Self.maxDropout {
            // In order, with a permissible gap.
            if seq < maxSequence { cycles &+= UInt32(Self.sequenceModulus) }
            maxSequence = seq
            window.advance(by: Int(delta))
            received += 1
            return .inOrder
        } else if Int(delta) <= Self.sequenceModulus - Int(Self.maxMisorder) {
            // A very large jump: restart only if the next packet follows it.
            if Int(seq) == badSequence {
                restarts += 1
                expectedBeforeRestart += expected
                receivedBeforeRestart += received
                duplicatesBeforeRestart += duplicatesThisRun
                startRun(at: seq)
                received += 1
                return .restarted
            }
            badSequence = (Int(seq) + 1) & (Self.sequenceModulus - 1)
            return .jumped
        } else {
            // Late: behind max_seq by at most MAX_MISORDER.
            let behind = Int(maxSequence &- seq)
            received += 1
            if window.contains(distance: behind) {
                duplicatesThisRun += 1
                return .duplicate
            }
            window.mark(distance: behind)
            reordered += 1
            return .reordered
        }
    }

    /// §A.1 init_seq.
    mutating func startRun(at seq: UInt16) {
        baseSequence = seq
        maxSequence = seq
        badSequence = Self.sequenceModulus + 1
        cycles = 0
        received = 0
        receivedPrior = 0
        expectedPrior = 0
        duplicatesThisRun = 0
        window = RTPSequenceWindow()
        window.mark(distance: 0)
    }

    /// §A.8: J(i) = J(i-1) + (|D(i-1,i)| - J(i-1))/16, with D the change in relative transit
    /// time (arrival − timestamp) between consecutive packets.
    mutating func updateJitter(timestamp: UInt32, arrival: UInt32) {
        let transit = arrival &- timestamp
        defer { lastTransit = transit }
        guard let last = lastTransit else { return }
        let difference = Int32(bitPattern: transit &- last).magnitude
        jitter += (Double(difference) - jitter) / 16
    }
}
