import H265Syntax

/// Rebuilds H.265 NAL units from RTP payloads (RFC 7798 without DONL, i.e. sprop-max-don-diff
/// 0): passes single NAL unit packets through, splits Aggregation Packets and reassembles
/// Fragmentation Units. A fragmented NAL unit with a missing piece (no start fragment, a
/// sequence gap, an interruption, or an access unit that ends first) is dropped whole rather
/// than emitted damaged. PACI packets and the reserved types 51-63 are counted as malformed.
public struct H265Depayloader: Sendable {
    /// Largest NAL unit reassembled from fragments; bigger ones are dropped.
    public static let maxNALSize = 8 << 20

    private enum Reassembly: Sendable {
        case idle
        /// Collecting the fragments of one NAL unit, header octets first.
        case assembling([UInt8])
        /// Skipping the rest of a NAL unit already known to be broken.
        case discarding
    }

    private var reassembly = Reassembly.idle
    private var lastSequenceNumber: UInt16?

    /// Fragmented NAL units given up because a piece was missing or they grew too big.
    public private(set) var droppedNALUnits = 0
    /// Payloads ignored because they were malformed or of a type this depayloader does not take.
    public private(set) var malformedPayloads = 0

    public init() {}

    /// Forgets any partial NAL unit and the last sequence number; keeps the counters.
    public mutating func reset() {
        reassembly = .idle
        lastSequenceNumber = nil
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
        if payload.count >= H265NALHeader.size {
            let header = H265NALHeader(payload.byte(at: 0), payload.byte(at: 1))
            switch header.type {
            case 0..<H265NALType.aggregationPacket:
                abandonReassembly()
                output.append(Array(payload))
            case H265NALType.aggregationPacket:
                abandonReassembly()
                splitAggregate(payload, into: &output)
            case H265NALType.fragmentationUnit:
                if let nal = appendFragment(payload, payloadHeader: header) { output.append(nal) }
            default:
                abandonReassembly()
                malformedPayloads += 1
            }
        } else {
            abandonReassembly()
            malformedPayloads += 1
        }
        // RFC 7798 §4.1: the marker ends the access unit, so an unfinished NAL unit is lost.
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

    // RFC 7798 §4.4.2: PayloadHdr, then (16-bit size, NAL unit) repeated to the end; at least
    // two units. A packet with any inconsistent size yields nothing.
    private mutating func splitAggregate(_ payload: some RandomAccessCollection<UInt8>, into output: inout [[UInt8]]) {
        var units: [[UInt8]] = []
        var offset = H265Payloader.payloadHeaderSize
        let total = payload.count
        while offset < total {
            let sizeEnd = offset + H265Payloader.aggregationSizeFieldSize
            guard sizeEnd <= total else { malformedPayloads += 1; return }
            let size = Int(payload.uint16(at: offset))
            guard size >= H265NALHeader.size, sizeEnd + size <= total else { malformedPayloads += 1; return }
            units.append(payload.bytes(in: sizeEnd..<(sizeEnd + size)))
            offset = sizeEnd + size
        }
        guard units.count >= 2 else { malformedPayloads += 1; return }
        output.append(contentsOf: units)
    }

    // RFC 7798 §4.4.3: PayloadHdr | FU header (S E FuType) | fragment.
    private mutating func appendFragment(
        _ payload: some RandomAccessCollection<UInt8>, payloadHeader: H265NALHeader
    ) -> [UInt8]? {
        guard payload.count > H265Payloader.fragmentOverhead else {
            abandonReassembly()
            malformedPayloads += 1
            return nil
        }
        let fuHeader = payload.byte(at: H265Payloader.payloadHeaderSize)
        let isStart = fuHeader & H265FUHeader.startMask != 0
        let isEnd = fuHeader & H265FUHeader.endMask != 0
        let type = fuHeader & H265FUHeader.typeMask
        let fragment = payload.dropFirst(H265Payloader.fragmentOverhead)

        // A NAL unit must not be sent as one FU, and an FU carries no AP, FU or PACI.
        if (isStart && isEnd) || type >= H265NALType.aggregationPacket {
            abandonReassembly()
            malformedPayloads += 1
            return nil
        }
        if isStart {
            abandonReassembly()
            var nal: [UInt8] = []
            nal.reserveCapacity(fragment.count * 4 + H265NALHeader.size)
            let header = payloadHeader.with(type: type)
            nal.append(header.firstOctet)
            nal.append(header.secondOctet)
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
        let sameNAL = H265NALHeader(nal[0], nal[1]).type == type
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
