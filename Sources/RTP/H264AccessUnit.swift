import H264Syntax

/// One H.264 access unit rebuilt from RTP packets sharing a timestamp (RFC 6184 §5.1): its
/// NAL units without start codes, in decoding order. A lossy unit lost packets: the NAL
/// units that were damaged are left out, the rest are kept.
public struct H264AccessUnit: Hashable, Sendable {
    /// The RTP timestamp every packet of the unit carried.
    public var timestamp: UInt32
    public var nalUnits: [[UInt8]]
    /// Packets of this unit were lost (a sequence gap, a broken fragment, or the limits).
    public var isLossy: Bool
    /// The unit ended with the marker bit; false when a new timestamp ended it (RFC 6184 §5.1).
    public var endedByMarker: Bool
    /// Sequence numbers of the first and last packet received for it.
    public var firstSequenceNumber: UInt16
    public var lastSequenceNumber: UInt16

    public init(
        timestamp: UInt32, nalUnits: [[UInt8]], isLossy: Bool = false, endedByMarker: Bool = true,
        firstSequenceNumber: UInt16 = 0, lastSequenceNumber: UInt16 = 0
    ) {
        self.timestamp = timestamp
        self.nalUnits = nalUnits
        self.isLossy = isLossy
        self.endedByMarker = endedByMarker
        self.firstSequenceNumber = firstSequenceNumber
        self.lastSequenceNumber = lastSequenceNumber
    }

    /// Received whole.
    public var isComplete: Bool { !isLossy }

    /// Holds an IDR slice (NAL type 5): decoding can start here.
    public var isIDR: Bool { nalUnits.contains { $0.first.map { $0 & H264NALHeader.typeMask } == H264NALType.idrSlice } }

    /// The sequence and picture parameter sets it carries, if any.
    public var sequenceParameterSet: [UInt8]? {
        nalUnits.first { $0.first.map { $0 & H264NALHeader.typeMask } == H264NALType.sequenceParameterSet }
    }
    public var pictureParameterSet: [UInt8]? {
        nalUnits.first { $0.first.map { $0 & H264NALHeader.typeMask } == H264NALType.pictureParameterSet }
    }

    /// Total bytes of its NAL units.
    public var byteCount: Int { nalUnits.reduce(0) { $0 + $1.count } }

    /// The NAL units in Annex B form, each after a 4-byte start code (ITU-T H.264 Annex B).
    public var annexB: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteCount + 4 * nalUnits.count)
        for nal in nalUnits {
            out.append(contentsOf: [0, 0, 0, 1])
            out.append(contentsOf: nal)
        }
        return out
    }
}
