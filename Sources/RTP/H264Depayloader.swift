import H264Syntax

/// Rebuilds H.264 NAL units from RTP payloads (RFC 6184, packetization-mode=1): passes single
/// NAL unit packets through (§5.6), splits STAP-A (§5.7.1) and reassembles FU-A (§5.8). A
/// fragmented NAL unit with a missing piece (no start fragment, a sequence gap, an
/// interruption, or an access unit that ends first) is dropped whole rather than emitted
/// damaged. `H264AccessUnitAssembler` groups its output into access units.
public struct H264Depayloader: Sendable {
    /// Largest NAL unit reassembled from FU-A fragments; bigger ones are dropped.
    public static let maxNALSize = 8 << 20

    private enum Reassembly: Sendable {
        case idle
        /// Collecting the fragments of one NAL unit, header octet first.
        case assembling([UInt8])
        /// Skipping the rest of a NAL unit already known to be broken.
        case discarding
    }

    private var reassembly = Reassembly.idle
    private var lastSequenceNumber: UInt16?

    /// Fragmented NAL units given up because a piece was missing or they grew too big.
    public private(set) var droppedNALUnits = 0
    /// Payloads ignored because they were malformed or of a type mode 1 does not use.
    public private(set) var malformedPayloads = 0

    public init() {}

    /// Forgets any partial NAL unit and the last sequence number; keeps the counters.
    public mutating func reset() {
        reassembly = .idle
        lastSequenceNumber = nil
    }

    /// Ends the current access unit without a marker (its timestamp changed): a NAL unit
    /// still being reassembled is dropped. True when one was.
    public mutating func endAccessUnit() -> Bool {
        let before = droppedNALUnits
        abandonReassembly()
        reassembly = .idle
        return droppedNALUnits != before
    }

    /// Feeds one RTP payload (the octets after the RTP header, padding removed) and returns
    /// the NAL units it completes. Pass `sequenceNumber` to have gaps detected.
    public mutating func depayload(
        _ payload: some RandomAccessCollection<UInt8>,
        marker: Bool,
        sequenceNumber: UInt16? = nil
    ) -> [[UInt8]] {
        if let sequenceNumber {
            if let last = lastSequenceNumber, sequenceNumber != last &+ 1 { abandonReassembly() }
            lastSequenceNumber = sequenceNumber
        }
        var output: [[UInt8]] = []
        if let first = payload.first {
            let type = first & H264NALHeader.typeMask
            switch type {
            case 1...23:
                abandonReassembly()
                output.append(Array(payload))
            case H264NALType.stapA:
                abandonReassembly()
                splitAggregate(payload, into: &output)
            case H264NALType.fuA:
                if let nal = appendFragment(payload) { output.append(nal) }
            default:
                abandonReassembly()
                malformedPayloads += 1
            }
        } else {
            malformedPayloads += 1
        }
        // RFC 6184 §5.1: the marker ends the access unit, so an unfinished NAL unit is lost.
        if marker {
            abandonReassembly()
            reassembly = .idle
        }
        return output
    }

    /// Drops the NAL unit being assembled, if any, and skips its remaining fragments.
    private mutating func abandonReassembly() {
        if case .assembling = reassembly {
            droppedNALUnits += 1
            reassembly = .discarding
        }
    }

    // RFC 6184 §5.7.1: STAP-A header, then (16-bit size, NAL unit) repeated to the end.
    // A packet with any inconsistent size yields nothing.
    private mutating func splitAggregate(_ payload: some RandomAccessCollection<UInt8>, into output: inout [[UInt8]]) {
        var units: [[UInt8]] = []
        var offset = H264Payloader.stapAHeaderSize
        let total = payload.count
        while offset < total {
            let sizeEnd = offset + H264Payloader.stapASizeFieldSize
            guard sizeEnd <= total else { malformedPayloads += 1; return }
            let size = Int(payload.uint16(at: offset))
            guard size > 0, sizeEnd + size <= total else { malformedPayloads += 1; return }
            units.append(payload.bytes(in: sizeEnd..<(sizeEnd + size)))
            offset = sizeEnd + size
        }
        guard !units.isEmpty else { malformedPayloads += 1; return }
        output.append(contentsOf: units)
    }

    // RFC 6184 §5.8: FU indicator | FU header (S E R Type) | fragment.
    private mutating func appendFragment(_ payload: some RandomAccessCollection<UInt8>) -> [UInt8]? {
        guard payload.count >= H264Payloader.fuAOverhead else {
            abandonReassembly()
            malformedPayloads += 1
            return nil
        }
        let indicator = payload.byte(at: 0)
        let fuHeader = payload.byte(at: 1)
        let isStart = fuHeader & H264FUHeader.startMask != 0
        let isEnd = fuHeader & H264FUHeader.endMask != 0
        let fragment = payload.dropFirst(H264Payloader.fuAOverhead)

        if isStart && isEnd {  // a NAL unit must not be sent as one FU
            abandonReassembly()
            malformedPayloads += 1
            return nil
        }
        if isStart {
            abandonReassembly()
            var nal: [UInt8] = []
            nal.reserveCapacity(fragment.count * 4 + 1)
            nal.append(indicator & ~H264NALHeader.typeMask | fuHeader & H264NALHeader.typeMask)
            nal.append(contentsOf: fragment)
            reassembly = .assembling(nal)
            return nil
        }
        guard case .assembling(var nal) = reassembly else {
            // A continuation with no start: its NAL unit is broken. Count it once.
            if case .idle = reassembly { droppedNALUnits += 1 }
            reassembly = isEnd ? .idle : .discarding
            return nil
        }
        let sameNAL = nal[0] & H264NALHeader.typeMask == fuHeader & H264NALHeader.typeMask
        guard sameNAL, nal.count + fragment.count <= Self.maxNALSize else {
            abandonReassembly()
            reassembly = isEnd ? .idle : .discarding
            return nil
        }
        reassembly = .idle  // release the array so appending does not copy
        nal.append(contentsOf: fragment)
        if isEnd { return nal }
        reassembly = .assembling(nal)
        return nil
    }
}
