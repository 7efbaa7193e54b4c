/// How one `mpeg4-generic` RTP payload is cut from one access unit.
public struct MPEG4GenericPayloadLayout: Hashable, Sendable {
    /// The octets of the access unit this payload carries.
    public var bytes: Range<Int>
    /// Whether the payload ends the access unit (the RTP marker, RFC 3640 §3.2.3: set on a
    /// payload of whole units and on the last fragment of one).
    public var isLast: Bool
    /// Size of the RTP payload: AU Header Section plus the bytes.
    public var size: Int

    public init(bytes: Range<Int>, isLast: Bool, size: Int) {
        self.bytes = bytes
        self.isLast = isLast
        self.size = size
    }
}

/// Cuts one access unit into RTP payloads for RFC 3640 `mpeg4-generic` (AAC-hbr, §3.3.6),
/// without touching its bytes: a unit that fits the budget goes whole, behind one AU-header;
/// a bigger one is fragmented (§3.2.3), each fragment behind one AU-header that carries the
/// size of the whole unit.
public enum MPEG4GenericPayloader {
    /// Octets of the AU Header Section for one AU-header of `layout`.
    public static func sectionSize(layout: MPEG4GenericAUHeaderLayout = .aacHBR) -> Int {
        MPEG4GenericAUHeaderSection.lengthFieldSize + (layout.headerBits(at: 0) + 7) / 8
    }

    /// Smallest budget that still carries one octet of the unit per payload.
    public static func minimumBudget(layout: MPEG4GenericAUHeaderLayout = .aacHBR) -> Int {
        sectionSize(layout: layout) + 1
    }

    /// The payloads of an access unit of `size` octets under `budget` octets per payload;
    /// empty when the unit is empty or bigger than the layout's AU-size can describe.
    public static func plan(
        accessUnitSize size: Int, budget: Int, layout: MPEG4GenericAUHeaderLayout = .aacHBR
    ) -> [MPEG4GenericPayloadLayout] {
        guard size > 0, size <= layout.maximumAccessUnitSize else { return [] }
        let header = sectionSize(layout: layout)
        let room = max(1, budget - header)
        var layouts: [MPEG4GenericPayloadLayout] = []
        layouts.reserveCapacity((size + room - 1) / room)
        var start = 0
        while start < size {
            let end = min(size, start + room)
            layouts.append(MPEG4GenericPayloadLayout(bytes: start..<end, isLast: end == size, size: header + end - start))
            start = end
        }
        return layouts
    }
}
