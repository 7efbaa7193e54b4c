/// A baseline JPEG taken apart into what RFC 2435 carries: the frame parameters and where
/// its entropy-coded scan lies. A small marker walker (ITU-T T.81 §B.1.1.4: a marker, then
/// a length that counts itself), for JPEGs with the shape libjpeg writes: SOI, APPn/COM,
/// DQT, SOF0, DHT, DRI, one SOS for Y, Cb and Cr, the scan, EOI.
///
/// Every length is checked against the bytes, so hostile input gets an error, not a crash.
public struct BaselineJPEG: Hashable, Sendable {
    public var parameters: JPEGFrameParameters
    /// The entropy-coded scan, restart markers included, EOI excluded: offsets into the parsed bytes.
    public var scan: Range<Int>

    public init(parameters: JPEGFrameParameters, scan: Range<Int>) {
        self.parameters = parameters
        self.scan = scan
    }

    /// Parses the headers and finds the scan of `bytes`.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(BaselineJPEGError) -> BaselineJPEG {
        var walker = Walker(bytes: bytes)
        return try walker.parse()
    }

    public static func parse(_ bytes: [UInt8]) throws(BaselineJPEGError) -> BaselineJPEG {
        let result: Result<BaselineJPEG, BaselineJPEGError> = bytes.withUnsafeBytes { raw in
            Result { () throws(BaselineJPEGError) -> BaselineJPEG in try parse(raw) }
        }
        return try result.get()
    }
}

/// One pass over the segments, collecting what the frame needs.
private struct Walker {
    let bytes: UnsafeRawBufferPointer
    var tables: [JPEGQuantizationTable?] = [nil, nil, nil, nil]
    var restartInterval = 0
    /// From SOF0: size, sampling, component identifiers, table destinations.
    var frame: (width: Int, height: Int, sampling: JPEGChromaSampling, ids: [UInt8], luma: Int, chroma: Int)?

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    func uint16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }

    mutating func parse() throws(BaselineJPEGError) -> BaselineJPEG {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == JPEGMarker.startOfImage else { throw .notJPEG }
        var at = 2
        while true {
            guard at < bytes.count else { throw .truncated(at: at) }
            guard bytes[at] == 0xFF else { throw .expectedMarker(at: at) }
            // Any number of 0xFF fill octets may precede a marker (T.81 §B.1.1.2).
            var codeAt = at + 1
            while codeAt < bytes.count, bytes[codeAt] == 0xFF { codeAt += 1 }
            guard codeAt < bytes.count else { throw .truncated(at: at) }
            let marker = bytes[codeAt]
            let lengthAt = codeAt + 1
            if marker == JPEGMarker.endOfImage || marker == JPEGMarker.startOfImage || JPEGMarker.restarts.contains(marker) || marker == 0x00 {
                throw .unexpectedMarker(marker, at: codeAt - 1)
            }
            guard lengthAt + 2 <= bytes.count else { throw .truncated(at: codeAt - 1) }
            let length = uint16(lengthAt)
            guard length >= 2 else { throw .badSegmentLength(marker: marker, length: length) }
            let body = lengthAt + 2
            let end = lengthAt + length
            guard end <= bytes.count else { throw .truncated(at: codeAt - 1) }
            switch marker {
            case JPEGMarker.quantizationTables:
                try readQuantizationTables(body..<end)
            case JPEGMarker.huffmanTables:
                try checkHuffmanTables(body..<end)
            case JPEGMarker.restartInterval:
                guard length == 4 else { throw .badSegmentLength(marker: marker, length: length) }
                restartInterval = uint16(body)
            case JPEGMarker.baselineFrame:
                guard frame == nil else { throw .unexpectedMarker(marker, at: codeAt - 1) }
                try readFrame(body..<end, length: length)
            case JPEGMarker.startOfScan:
                let parameters = try readScanHeader(body..<end, length: length, at: codeAt - 1)
                return BaselineJPEG(parameters: parameters, scan: end..<(try scanEnd(from: end)))
            default:
                if JPEGMarker.isStartOfFrame(marker) { throw .notBaseline(marker: marker) }
                // APPn, COM and anything else with a length: skipped.
            }
            at = end
        }
    }

    // DQT (T.81 §B.2.4.1): one or more of Pq/Tq octet, 64 values of 8 or 16 bits.
    mutating func readQuantizationTables(_ body: Range<Int>) throws(BaselineJPEGError) {
        var at = body.lowerBound
        guard at < body.upperBound else { throw .badSegmentLength(marker: JPEGMarker.quantizationTables, length: 2) }
        while at < body.upperBound {
            let pqTq = bytes[at]
            let precision = pqTq >> 4, destination = Int(pqTq & 0x0F)
            guard precision <= 1, destination <= 3 else { throw .badQuantizationTable(precisionAndDestination: pqTq) }
            let size = JPEGQuantizationTable.size(is16Bit: precision == 1)
            guard at + 1 + size <= body.upperBound else {
                throw .badSegmentLength(marker: JPEGMarker.quantizationTables, length: body.count + 2)
            }
            tables[destination] = JPEGQuantizationTable(is16Bit: precision == 1, octets: Array(bytes[(at + 1)..<(at + 1 + size)]))
            at += 1 + size
        }
    }

    // DHT (T.81 §B.2.4.2): one or more of Tc/Th, 16 counts, the values. Each must be typical.
    func checkHuffmanTables(_ body: Range<Int>) throws(BaselineJPEGError) {
        var at = body.lowerBound
        guard at < body.upperBound else { throw .badSegmentLength(marker: JPEGMarker.huffmanTables, length: 2) }
        while at < body.upperBound {
            guard at + 17 <= body.upperBound else { throw .badSegmentLength(marker: JPEGMarker.huffmanTables, length: body.count + 2) }
            let tcTh = bytes[at]
            let tableClass = tcTh >> 4, destination = tcTh & 0x0F
            let counts = Array(bytes[(at + 1)..<(at + 17)])
            let valueCount = counts.reduce(0) { $0 + Int($1) }
            guard at + 17 + valueCount <= body.upperBound else {
                throw .badSegmentLength(marker: JPEGMarker.huffmanTables, length: body.count + 2)
            }
            let values = Array(bytes[(at + 17)..<(at + 17 + valueCount)])
            let table = JPEGHuffmanTable(tableClass: tableClass, destination: destination, counts: counts, values: values)
            guard let typical = JPEGHuffmanTable.typical(tableClass: tableClass, destination: destination), typical == table else {
                throw .nonTypicalHuffmanTable(tableClass: tableClass, destination: destination)
            }
            at += 17 + valueCount
        }
    }

    // SOF0 (T.81 §B.2.2): P, Y, X, Nf, then Ci, Hi/Vi, Tqi for each component.
    mutating func readFrame(_ body: Range<Int>, length: Int) throws(BaselineJPEGError) {
        guard body.count >= 6 else { throw .badSegmentLength(marker: JPEGMarker.baselineFrame, length: length) }
        let at = body.lowerBound
        guard bytes[at] == 8 else { throw .unsupportedPrecision(Int(bytes[at])) }
        let height = uint16(at + 1), width = uint16(at + 3)
        let components = Int(bytes[at + 5])
        guard body.count == 6 + 3 * components else { throw .badSegmentLength(marker: JPEGMarker.baselineFrame, length: length) }
        guard components == 3, width > 0, height > 0 else { throw .unsupportedComponents }
        let bytes = self.bytes
        let component = { (index: Int) in
            (id: bytes[at + 6 + 3 * index], factors: bytes[at + 7 + 3 * index], table: Int(bytes[at + 8 + 3 * index]))
        }
        let y = component(0), cb = component(1), cr = component(2)
        guard let sampling = JPEGChromaSampling(lumaSamplingFactors: y.factors),
              cb.factors == 0x11, cr.factors == 0x11, cb.table == cr.table, y.table <= 3, cb.table <= 3
        else { throw .unsupportedComponents }
        frame = (width, height, sampling, [y.id, cb.id, cr.id], y.table, cb.table)
    }

    // SOS (T.81 §B.2.3): Ns, then Cs and Td/Ta per component, Ss, Se, Ah/Al.
    func readScanHeader(_ body: Range<Int>, length: Int, at offset: Int) throws(BaselineJPEGError) -> JPEGFrameParameters {
        guard let frame else { throw .unexpectedMarker(JPEGMarker.startOfScan, at: offset) }
        guard body.count >= 1, body.count == 1 + 2 * Int(bytes[body.lowerBound]) + 3 else {
            throw .badSegmentLength(marker: JPEGMarker.startOfScan, length: length)
        }
        let at = body.lowerBound
        guard bytes[at] == 3 else { throw .unsupportedScan }
        let expected: [(UInt8, UInt8)] = [(frame.ids[0], 0x00), (frame.ids[1], 0x11), (frame.ids[2], 0x11)]
        for (index, (id, tables)) in expected.enumerated() {
            guard bytes[at + 1 + 2 * index] == id, bytes[at + 2 + 2 * index] == tables else { throw .unsupportedScan }
        }
        guard bytes[at + 7] == 0, bytes[at + 8] == 63, bytes[at + 9] == 0 else { throw .unsupportedScan }
        guard let luma = tables[frame.luma] else { throw .missingQuantizationTable(destination: frame.luma) }
        guard let chroma = tables[frame.chroma] else { throw .missingQuantizationTable(destination: frame.chroma) }
        return JPEGFrameParameters(
            width: frame.width, height: frame.height, sampling: frame.sampling,
            quantizationTables: [luma, chroma], restartInterval: restartInterval)
    }

    /// The offset of the EOI marker that ends the scan starting at `start`. Inside the scan
    /// 0xFF is followed by 0x00 (a stuffed octet), RSTn, more 0xFF fill, or the next marker.
    func scanEnd(from start: Int) throws(BaselineJPEGError) -> Int {
        var at = start
        let count = bytes.count
        while at < count {
            guard bytes[at] == 0xFF else { at += 1; continue }
            guard at + 1 < count else { throw .missingEndOfImage }
            let next = bytes[at + 1]
            if next == 0x00 || JPEGMarker.restarts.contains(next) {
                at += 2
            } else if next == 0xFF {
                at += 1
            } else if next == JPEGMarker.endOfImage {
                return at
            } else {
                throw .unexpectedMarker(next, at: at)
            }
        }
        throw .missingEndOfImage
    }
}
