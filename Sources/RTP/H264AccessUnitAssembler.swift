/// Groups depayloaded H.264 NAL units into access units (RFC 6184 §5.1), aware of loss: a
/// unit ends at the marker bit or when the timestamp changes; a sequence gap marks the unit
/// it falls in lossy (the unit still open, or the next one when the last ended cleanly), and
/// `H264Depayloader` drops the fragmented NAL unit it broke. Sizes are bounded: a unit with
/// more NAL units or bytes than the limits keeps what fitted and is marked lossy.
public struct H264AccessUnitAssembler: Sendable {
    /// Most NAL units kept in one access unit.
    public static let maximumNALUnits = 1024
    /// Most bytes kept in one access unit.
    public static let maximumBytes = 16 << 20

    private var depayloader = H264Depayloader()
    private var current: H264AccessUnit?
    private var currentBytes = 0
    private var lastSequenceNumber: UInt16?
    /// The packets between the last unit and the next were lost: the next unit is lossy.
    private var nextIsLossy = false

    /// Access units emitted lossy.
    public private(set) var lossyAccessUnits = 0
    /// Sequence gaps seen (each may span several packets).
    public private(set) var sequenceGaps = 0

    public init() {}

    /// Fragmented NAL units dropped because a piece was missing or they grew too big.
    public var droppedNALUnits: Int { depayloader.droppedNALUnits }
    /// Payloads ignored as malformed.
    public var malformedPayloads: Int { depayloader.malformedPayloads }

    /// Feeds one packet's payload (after the RTP header, padding removed) and returns the
    /// access units it completes: none, the previous one (a new timestamp), this one (the
    /// marker), or both.
    public mutating func push(
        _ payload: some RandomAccessCollection<UInt8>, timestamp: UInt32, sequenceNumber: UInt16, marker: Bool
    ) -> [H264AccessUnit] {
        var finished: [H264AccessUnit] = []
        var gap = false
        if let last = lastSequenceNumber {
            let delta = sequenceNumber &- last
            if delta == 0 { return [] }  // a duplicate
            // RFC 3550 §A.1: a delta in the upper half of the space is a late, reordered packet.
            if delta >= 0x8000 { return [] }
            if delta != 1 { gap = true }
        }
        lastSequenceNumber = sequenceNumber
        if gap {
            sequenceGaps += 1
            if current != nil { current?.isLossy = true } else { nextIsLossy = true }
        }
        if let open = current, open.timestamp != timestamp {
            if depayloader.endAccessUnit() { current?.isLossy = true }
            finished.append(close(endedByMarker: false))
            // A gap across a timestamp change may have taken the start of this new unit too.
            if gap { nextIsLossy = true }
        }
        if current == nil {
            current = H264AccessUnit(
                timestamp: timestamp, nalUnits: [], isLossy: nextIsLossy, endedByMarker: false,
                firstSequenceNumber: sequenceNumber, lastSequenceNumber: sequenceNumber)
            currentBytes = 0
            nextIsLossy = false
        }
        let dropsBefore = depayloader.droppedNALUnits + depayloader.malformedPayloads
        let nalUnits = depayloader.depayload(payload, marker: marker, sequenceNumber: sequenceNumber)
        if depayloader.droppedNALUnits + depayloader.malformedPayloads != dropsBefore { current?.isLossy = true }
        current?.lastSequenceNumber = sequenceNumber
        for nal in nalUnits {
            guard let count = current?.nalUnits.count, count < Self.maximumNALUnits,
                  currentBytes + nal.count <= Self.maximumBytes
            else {
                current?.isLossy = true
                continue
            }
            current?.nalUnits.append(nal)
            currentBytes += nal.count
        }
        if marker { finished.append(close(endedByMarker: true)) }
        return finished
    }

    /// The unit still open, if any (at the end of a stream), emitted as it is.
    public mutating func flush() -> H264AccessUnit? {
        current == nil ? nil : close(endedByMarker: false)
    }

    private mutating func close(endedByMarker: Bool) -> H264AccessUnit {
        var unit = current!
        current = nil
        currentBytes = 0
        unit.endedByMarker = endedByMarker
        if unit.nalUnits.isEmpty { unit.isLossy = true }
        if unit.isLossy { lossyAccessUnits += 1 }
        return unit
    }
}
