import H265Syntax
import RTP

/// Gathers an H.265 track's NAL units into access units for the probe: RFC 7798 payloads
/// through `H265Depayloader`, one access unit per RTP timestamp, ended by the marker bit or
/// by the next timestamp (RFC 7798 §4.1), lossy when a sequence number was skipped.
struct ProbeH265Assembler: Sendable {
    /// NAL units kept for one access unit at most; more mark it lossy and are dropped.
    static let maxNALUnits = 1_024

    /// One access unit as assembled.
    struct Unit: Sendable {
        var timestamp: UInt32
        var nalUnits: [[UInt8]]
        var complete: Bool
    }

    private var depayloader = H265Depayloader()
    private var current: Unit?
    private var lastSequenceNumber: UInt16?

    /// Feeds one packet; returns the access units it ends (at most two: the previous one
    /// when its timestamp changed without a marker, and this one on a marker).
    mutating func packet(_ header: RTPHeader, payload: some RandomAccessCollection<UInt8>) -> [Unit] {
        var finished: [Unit] = []
        let gap = lastSequenceNumber.map { header.sequenceNumber != $0 &+ 1 } ?? false
        lastSequenceNumber = header.sequenceNumber
        if let unit = current, unit.timestamp != header.timestamp {
            finished.append(unit)
            current = nil
        }
        var unit = current ?? Unit(timestamp: header.timestamp, nalUnits: [], complete: true)
        if gap { unit.complete = false }
        let dropped = depayloader.droppedNALUnits
        for nal in depayloader.depayload(payload, marker: header.marker, sequenceNumber: header.sequenceNumber) {
            guard unit.nalUnits.count < Self.maxNALUnits else {
                unit.complete = false
                break
            }
            unit.nalUnits.append(nal)
        }
        if depayloader.droppedNALUnits != dropped { unit.complete = false }
        if header.marker {
            finished.append(unit)
            current = nil
        } else {
            current = unit
        }
        return finished
    }
}
