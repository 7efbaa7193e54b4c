import Foundation

/// One RTP packet as a tap saw it: extended sequence number, timestamp, when it arrived.
struct FaultRTPArrival {
    var extendedSequence: Int64
    var sequence: UInt16
    var timestamp: UInt32
    var ssrc: UInt32
    var nanos: Int64
}

/// Loss measured from RTP sequence numbers alone, as any receiver would (RFC 3550 A.3):
/// the expected count is the span of extended sequence numbers, the received count the
/// distinct numbers that arrived.
struct FaultSequenceStats: CustomStringConvertible {
    var packets: [FaultRTPArrival]
    /// Extended sequence numbers of the span that never arrived.
    var missing: [Int64]
    var firstExtended: Int64
    var lastExtended: Int64
    var duplicates: Int

    var expected: Int { packets.isEmpty ? 0 : Int(lastExtended - firstExtended + 1) }
    var received: Int { expected - missing.count }
    var loss: Double { expected == 0 ? 0 : Double(missing.count) / Double(expected) }

    var description: String {
        String(format: "%d of %d packets (%.3f %% lost, %d duplicates)", received, expected, loss * 100, duplicates)
    }

    /// RTP packets of `arrivals` (RTP v2, `ssrc` when given) in arrival order, sequence
    /// numbers extended across wraps relative to `base` (the first packet's when nil).
    static func packets(_ arrivals: [FaultPacketTap.Arrival], ssrc: UInt32? = nil, base: UInt16? = nil) -> [FaultRTPArrival] {
        var result: [FaultRTPArrival] = []
        result.reserveCapacity(arrivals.count)
        var last: (seq: UInt16, ext: Int64)?
        if let base { last = (base, Int64(base)) }
        for arrival in arrivals {
            guard let packet = RTPPacketView(arrival.bytes), packet.payloadType < 72 || packet.payloadType > 76 else { continue }
            if let ssrc, packet.ssrc != ssrc { continue }
            let ext: Int64
            if let previous = last {
                ext = previous.ext + Int64(Int16(bitPattern: packet.sequenceNumber &- previous.seq))
            } else {
                ext = Int64(packet.sequenceNumber)
            }
            last = (packet.sequenceNumber, ext)
            result.append(FaultRTPArrival(
                extendedSequence: ext, sequence: packet.sequenceNumber, timestamp: packet.timestamp,
                ssrc: packet.ssrc, nanos: arrival.nanos))
        }
        return result
    }

    /// Loss over `packets`; with `from`/`through` the span is fixed instead of first..last received.
    init(_ packets: [FaultRTPArrival], from: Int64? = nil, through: Int64? = nil) {
        var seen = Set<Int64>()
        var duplicates = 0
        var kept: [FaultRTPArrival] = []
        let low = from ?? packets.map(\.extendedSequence).min() ?? 0
        let high = through ?? packets.map(\.extendedSequence).max() ?? -1
        for packet in packets where packet.extendedSequence >= low && packet.extendedSequence <= high {
            if seen.insert(packet.extendedSequence).inserted { kept.append(packet) } else { duplicates += 1 }
        }
        self.packets = kept
        self.duplicates = duplicates
        firstExtended = low
        lastExtended = high
        missing = kept.isEmpty ? [] : (low...high).filter { !seen.contains($0) }
    }
}

/// Mean and standard deviation of a sample.
struct FaultSampleSummary: CustomStringConvertible {
    var count: Int
    var mean: Double
    var standardDeviation: Double

    init(_ values: [Double]) {
        count = values.count
        mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        let m = mean
        let variance = values.count < 2 ? 0 : values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)
        standardDeviation = variance.squareRoot()
    }

    var description: String { String(format: "n=%d mean %.2f SD %.2f", count, mean, standardDeviation) }
}
