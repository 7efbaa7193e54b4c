/// What a baseline Y'CbCr JPEG's headers say that RFC 2435 carries in its own headers
/// (§3.1): the picture size, the chroma sampling, the two quantization tables and the
/// restart interval. The Huffman tables are not among them: RFC 2435 uses the typical ones.
public struct JPEGFrameParameters: Hashable, Sendable {
    /// Picture width and height in pixels (T.81 §B.2.2 X and Y).
    public var width: Int
    public var height: Int
    public var sampling: JPEGChromaSampling
    /// The luma table, then the table both chroma components use.
    public var quantizationTables: [JPEGQuantizationTable]
    /// DRI's Ri (T.81 §B.2.4.4): MCUs per restart interval; 0 when there are no restart markers.
    public var restartInterval: Int

    public init(
        width: Int, height: Int, sampling: JPEGChromaSampling,
        quantizationTables: [JPEGQuantizationTable], restartInterval: Int = 0
    ) {
        self.width = width
        self.height = height
        self.sampling = sampling
        self.quantizationTables = quantizationTables
        self.restartInterval = restartInterval
    }
}
