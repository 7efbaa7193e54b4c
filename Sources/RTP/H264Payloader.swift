import H264Syntax

/// What the payloader needs to know about one NAL unit: its header octet and its size.
public struct H264NALSummary: Hashable, Sendable {
    public var header: H264NALHeader
    /// Size in octets, header included.
    public var size: Int

    public init(header: H264NALHeader, size: Int) {
        self.header = header
        self.size = size
    }
}

/// How one RTP payload is built from the NAL units of an access unit.
public struct H264PayloadLayout: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Single NAL unit packet (RFC 6184 §5.6): the NAL unit as is.
        case single(nal: Int)
        /// STAP-A (RFC 6184 §5.7.1): one header octet, then a 16-bit size before each NAL unit.
        case stapA(nals: [Int])
        /// FU-A (RFC 6184 §5.8): FU indicator, FU header, then `bytes` of the NAL unit
        /// (offsets into it; the NAL header octet at offset 0 is never carried).
        case fuA(nal: Int, bytes: Range<Int>, isStart: Bool, isEnd: Bool)
    }

    public var kind: Kind
    /// Size of the RTP payload in octets.
    public var size: Int

    public init(kind: Kind, size: Int) {
        self.kind = kind
        self.size = size
    }
}

/// Cuts the NAL units of one access unit into RTP payloads for RFC 6184
/// packetization-mode=1, without touching their bytes.
///
/// Rules: AUD and filler data are dropped, as are empty NAL units; a leading run of SEI/SPS/PPS
/// goes into one STAP-A when at least two of them fit; a NAL unit that fits the budget is sent
/// as is; a bigger one is split into FU-A fragments that each fill the budget.
public enum H264Payloader {
    /// STAP-A header octet (RFC 6184 §5.7.1).
    public static let stapAHeaderSize = 1
    /// The 16-bit NALU size before each aggregated NAL unit (RFC 6184 §5.7.1).
    public static let stapASizeFieldSize = 2
    /// Largest NAL unit a STAP-A size field can describe.
    public static let stapAMaxNALSize = Int(UInt16.max)
    /// FU indicator plus FU header (RFC 6184 §5.8).
    public static let fuAOverhead = 2
    /// Smallest budget that still carries one NAL unit octet per FU-A fragment.
    public static let minimumBudget = fuAOverhead + 1

    /// Whether the packetizer drops this NAL unit type (access unit delimiter, filler data).
    public static func isDropped(_ type: UInt8) -> Bool {
        type == H264NALType.accessUnitDelimiter || type == H264NALType.fillerData
    }

    /// Whether this NAL unit type may be aggregated at the start of an access unit.
    public static func isAggregatable(_ type: UInt8) -> Bool {
        type == H264NALType.sei || type == H264NALType.sequenceParameterSet || type == H264NALType.pictureParameterSet
    }

    /// The payload layouts for one access unit, in sending order. `budget` is the largest RTP
    /// payload allowed; it is raised to `minimumBudget` if smaller.
    public static func plan(_ nalUnits: [H264NALSummary], budget: Int) -> [H264PayloadLayout] {
        let budget = max(budget, minimumBudget)
        var layouts: [H264PayloadLayout] = []
        layouts.reserveCapacity(nalUnits.count)
        let kept = nalUnits.indices.filter { nalUnits[$0].size > 0 && !isDropped(nalUnits[$0].header.type) }

        var position = 0
        var inLeadingRun = true
        while position < kept.count {
            let index = kept[position]
            if inLeadingRun && isAggregatable(nalUnits[index].header.type) {
                // Greedily gather the aggregatable NAL units that fit into one STAP-A.
                var group: [Int] = []
                var size = stapAHeaderSize
                var next = position
                while next < kept.count {
                    let candidate = nalUnits[kept[next]]
                    guard isAggregatable(candidate.header.type), candidate.size <= stapAMaxNALSize else { break }
                    let grown = size + stapASizeFieldSize + candidate.size
                    guard grown <= budget else { break }
                    group.append(kept[next])
                    size = grown
                    next += 1
                }
                if group.count >= 2 {
                    layouts.append(H264PayloadLayout(kind: .stapA(nals: group), size: size))
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

    private static func appendSingleOrFragments(nal: Int, size: Int, budget: Int, to layouts: inout [H264PayloadLayout]) {
        if size <= budget {
            layouts.append(H264PayloadLayout(kind: .single(nal: nal), size: size))
            return
        }
        let chunk = budget - fuAOverhead
        var start = 1  // the NAL header octet travels in the FU indicator and FU header
        while start < size {
            let end = min(start + chunk, size)
            let kind = H264PayloadLayout.Kind.fuA(nal: nal, bytes: start..<end, isStart: start == 1, isEnd: end == size)
            layouts.append(H264PayloadLayout(kind: kind, size: fuAOverhead + end - start))
            start = end
        }
    }
}
