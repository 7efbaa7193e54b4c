extension JPEGFrameParameters {
    /// The headers of a baseline JPEG with these parameters, from SOI to the end of the SOS
    /// header, to go before an entropy-coded scan, as RFC 2435 Appendix B makes them for a
    /// receiver: one DQT per table (luma table 0, chroma table 1), a DRI when there is a
    /// restart interval, SOF0 with components 1 (Y), 2 (Cb), 3 (Cr), the four typical
    /// Huffman tables of T.81 Annex K.3, and SOS for the three components.
    public func headers() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(640)
        bytes += [0xFF, JPEGMarker.startOfImage]
        // DQT (T.81 §B.2.4.1): Lq, then Pq/Tq and the values.
        for (index, table) in quantizationTables.prefix(2).enumerated() {
            Self.segment(JPEGMarker.quantizationTables, length: 1 + table.octets.count, into: &bytes)
            bytes.append((table.is16Bit ? 0x10 : 0x00) | UInt8(index))
            bytes += table.octets
        }
        if restartInterval > 0 {
            // DRI (T.81 §B.2.4.4): Lr = 4, Ri.
            Self.segment(JPEGMarker.restartInterval, length: 2, into: &bytes)
            Self.append16(restartInterval, to: &bytes)
        }
        // SOF0 (T.81 §B.2.2): P = 8, Y, X, Nf = 3, then Ci, Hi/Vi, Tqi per component.
        let chromaTable: UInt8 = quantizationTables.count > 1 ? 1 : 0
        Self.segment(JPEGMarker.baselineFrame, length: 6 + 3 * 3, into: &bytes)
        bytes.append(8)
        Self.append16(height, to: &bytes)
        Self.append16(width, to: &bytes)
        bytes += [3, 1, sampling.lumaSamplingFactors, 0, 2, 0x11, chromaTable, 3, 0x11, chromaTable]
        // DHT (T.81 §B.2.4.2), all four tables in one segment.
        let huffman = JPEGHuffmanTable.typical
        Self.segment(JPEGMarker.huffmanTables, length: huffman.reduce(0) { $0 + $1.encodedSize }, into: &bytes)
        for table in huffman { table.write(into: &bytes) }
        // SOS (T.81 §B.2.3): Ns = 3, Cs and Td/Ta per component, Ss = 0, Se = 63, Ah/Al = 0.
        Self.segment(JPEGMarker.startOfScan, length: 1 + 2 * 3 + 3, into: &bytes)
        bytes += [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]
        return bytes
    }

    /// A marker and the length field of a segment whose body is `length` octets (the field counts itself).
    private static func segment(_ marker: UInt8, length: Int, into bytes: inout [UInt8]) {
        bytes += [0xFF, marker]
        append16(length + 2, to: &bytes)
    }

    private static func append16(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }
}
