/// How one RTP payload is cut from a JPEG frame's entropy-coded scan (RFC 2435 §3).
public struct JPEGPayloadLayout: Hashable, Sendable {
    /// The octets of the scan this payload carries; its lower bound is the fragment offset.
    public var scan: Range<Int>
    /// Whether the Quantization Table header goes in (the frame's first packet, §3.1.8).
    public var carriesTables: Bool
    /// Size of the RTP payload in octets, headers included.
    public var size: Int

    public init(scan: Range<Int>, carriesTables: Bool, size: Int) {
        self.scan = scan
        self.carriesTables = carriesTables
        self.size = size
    }
}

/// Cuts a JPEG frame's scan into RTP/JPEG payloads that each fill the budget, without
/// touching its bytes: each payload is the main header, the Restart Marker header for
/// types 64-127, in the first payload the Quantization Table header, then scan octets.
public enum JPEGPayloader {
    /// Smallest budget whose first payload carries its headers and one scan octet.
    public static func minimumBudget(headerSize: Int, tablesSize: Int) -> Int { headerSize + tablesSize + 1 }

    /// The payload layouts of one frame, in sending order. `headerSize` is the main header
    /// plus any Restart Marker header; `tablesSize` the Quantization Table header (0 when
    /// Q < 128). `budget` is raised to `minimumBudget` if smaller. An empty scan still
    /// gives one payload, so that the frame's headers (and marker bit) are sent.
    public static func plan(scanSize: Int, headerSize: Int, tablesSize: Int, budget: Int) -> [JPEGPayloadLayout] {
        let budget = max(budget, minimumBudget(headerSize: headerSize, tablesSize: tablesSize))
        var layouts: [JPEGPayloadLayout] = []
        var start = 0
        repeat {
            let overhead = headerSize + (start == 0 ? tablesSize : 0)
            let end = min(scanSize, start + budget - overhead)
            layouts.append(JPEGPayloadLayout(scan: start..<end, carriesTables: start == 0 && tablesSize > 0, size: overhead + end - start))
            start = end
        } while start < scanSize
        return layouts
    }
}
