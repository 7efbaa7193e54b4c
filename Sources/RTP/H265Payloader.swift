import H265Syntax

/// What the payloader needs to know about one H.265 NAL unit: its header and its size.
public struct H265NALSummary: Hashable, Sendable {
    public var header: H265NALHeader
    /// Size in octets, the two header octets included.
    public var size: Int

    public init(header: H265NALHeader, size: Int) {
        self.header = header
        self.size = size
    }
}

/// How one RTP payload is built from the NAL units of an access unit (RFC 7798 §4.4).
public struct H265PayloadLayout: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Single NAL unit packet (RFC 7798 §4.4.1): the NAL unit as is.
        case single(nal: Int)
        /// Aggregation Packet (RFC 7798 §4.4.2): a two-octet PayloadHdr, then a 16-bit size
        /// before each NAL unit (no DONL: sprop-max-don-diff is 0).
        case aggregation(nals: [Int])
        /// Fragmentation Unit (RFC 7798 §4.4.3): PayloadHdr, FU header, then `bytes` of the
        /// NAL unit (offsets into it; the two NAL header octets are never carried).
        case fragment(nal: Int, bytes: Range<Int>, isStart: Bool, isEnd: Bool)
    }

    public var kind: Kind
    /// Size of the RTP payload in octets.
    public var size: Int

    public init(kind: Kind, size: Int) {
        self.kind = kind
        self.size = size
    }
}

/// Cuts the NAL units of one H.265 access unit into RTP payloads (RFC 7798, no DONL, no
/// PACI), without touching their bytes.
///
/// Rules: access unit delimiters, filler data and NAL units shorter than their header are
/// dropped; a leading run of VPS/SPS/PPS and prefix SEI goes into one Aggregation Packet when at
/// least two of them fit (§4.4.2 requires two); a NAL unit that fits the budget is sent as
/// is; a bigger one is split into Fragmentation Units that each fill the budget.
public enum H265Payloader {
    /// The PayloadHdr of an AP or FU: the NAL unit header's layout (RFC 7798 §4.4).
    public static let payloadHeaderSize = H265NALHeader.size
    /// The 16-bit NALU size before each aggregated NAL unit (RFC 7798 §4.4.2).
    public static let aggregationSizeFieldSize = 2
    /// Largest NAL unit an aggregation size field can describe.
    public static let aggregationMaxNALSize = Int(UInt16.max)
    /// PayloadHdr plus FU header (RFC 7798 §4.4.3).
    public static let fragmentOverhead = payloadHeaderSize + 1
    /// Smallest budget that still carries one NAL unit octet per fragment.
    public static let minimumBudget = fragmentOverhead + 1

    /// Whether the packetizer drops this NAL unit type (access unit delimiter, filler data).
    public static func isDropped(_ type: UInt8) -> Bool {
        type == H265NALType.accessUnitDelimiter || type == H265NALType.fillerData
    }

    /// Whether this NAL unit type may be aggregated at the start of an access unit.
    public static func isAggregatable(_ type: UInt8) -> Bool {
        H265NALType.isParameterSet(type) || type == H265NALType.prefixSEI
    }

    /// The payload layouts for one access unit, in sending order. `budget` is the largest RTP
    /// payload allowed; it is raised to `minimumBudget` if smaller.
    public static func plan(_ nalUnits: [H265NALSummary], budget: Int) -> [H265PayloadLayout] {
        let budget = max(budget, minimumBudget)
        var layouts: [H265PayloadLayout] = []
        layouts.reserveCapacity(nalUnits.count)
        let kept = nalUnits.indices.filter {
            nalUnits[$0].size >= H265NALHeader.size && !isDropped(nalUnits[$0].header.type)
        }

        var position = 0
        var inLeadingRun = true
        while position < kept.count {
            let index = kept[position]
            if inLeadingRun && isAggregatable(nalUnits[index].header.type) {
                // Greedily gather the aggregatable NAL units that fit into one AP.
                var group: [Int] = []
                var size = payloadHeaderSize
                var next = position
                while next < kept.count {
                    let candidate = nalUnits[kept[next]]
                    guard isAggregatable(candidate.header.type), candidate.size <= aggregationMaxNALSize else { break }
                    let grown = size + aggregationSizeFieldSize + candidate.size
                    guard grown <= budget else { break }
                    group.append(kept[next])
                    size = grown
                    next += 1
                }
                if group.count >= 2 {
                    layouts.append(H265PayloadLayout(kind: .aggregation(nals: group), size: size))
                    position = next
                    continue
                }
            } else {
                inLeadingRun = false
            }
            appendSingleOrFragments(nal: index, size: nalUnits[index].size, budget: budget, to: &layouts)
            position += 1
        }
        return layouts
    }

    private static func appendSingleOrFragments(nal: Int, size: Int, budget: Int, to layouts: inout [H265PayloadLayout]) {
        if size <= budget {
            layouts.append(H265PayloadLayout(kind: .single(nal: nal), size: size))
            return
        }
        let chunk = budget - fragmentOverhead
        let first = H265NALHeader.size  // the NAL header travels in the PayloadHdr and FU header
        var start = first
        while start < size {
            let end = min(start + chunk, size)
            let kind = H265PayloadLayout.Kind.fragment(nal: nal, bytes: start..<end, isStart: start == first, isEnd: end == size)
            layouts.append(H265PayloadLayout(kind: kind, size: fragmentOverhead + end - start))
            start = end
        }
    }
}

/// Bits of the FU header octet (RFC 7798 §4.4.3).
///
///     +---------------+
///     |0|1|2|3|4|5|6|7|
///     +-+-+-+-+-+-+-+-+
///     |S|E|  FuType   |
///     +---------------+
enum H265FUHeader {
    static let startMask: UInt8 = 0x80
    static let endMask: UInt8 = 0x40
    static let typeMask: UInt8 = 0x3F
}
