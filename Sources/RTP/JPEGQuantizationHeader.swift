import JPEGSyntax
import NIOCore

/// The Quantization Table header of a frame's first packet when Q is 128-255 (RFC 2435 §3.1.8):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |      MBZ      |   Precision   |             Length            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                    Quantization Table Data                    |
///     |                              ...                              |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// The tables follow one another in zig-zag order, as in a DQT segment; bit i of Precision
/// (from the right) says table i has 16-bit values. Length 0 means "the tables of this Q
/// sent before" (not allowed for Q = 255, whose tables may change every frame).
public struct JPEGQuantizationHeader: Hashable, Sendable {
    /// Octets before the table data.
    public static let fixedSize = 4
    /// At most four tables (T.81 destinations 0-3) of at most 128 octets.
    public static let maxTableCount = 4
    public static let maxDataLength = maxTableCount * 128

    public var tables: [JPEGQuantizationTable]

    public init(tables: [JPEGQuantizationTable]) { self.tables = tables }

    public var precision: UInt8 {
        tables.prefix(8).enumerated().reduce(0) { $0 | ($1.element.is16Bit ? 1 << $1.offset : 0) }
    }

    public var dataLength: Int { tables.reduce(0) { $0 + $1.octets.count } }
    public var encodedSize: Int { Self.fixedSize + dataLength }

    public func write(into buffer: inout ByteBuffer) {
        buffer.writeMultipleIntegers(UInt8(0), precision, UInt16(dataLength))
        for table in tables { buffer.writeBytes(table.octets) }
    }

    public func write(into bytes: inout [UInt8]) {
        bytes += [0, precision]
        bytes.appendBigEndian(UInt16(dataLength))
        for table in tables { bytes += table.octets }
    }

    /// Reads the header at `offset` in `payload`: the tables, or an empty list for Length 0.
    /// Returns the header and its size.
    public static func parse(_ payload: some RandomAccessCollection<UInt8>, at offset: Int) throws(JPEGPayloadError) -> (JPEGQuantizationHeader, Int) {
        guard payload.count >= offset + fixedSize else { throw .tooShort(needed: offset + fixedSize, available: payload.count) }
        let precision = payload.byte(at: offset + 1)
        let length = Int(payload.uint16(at: offset + 2))
        guard length <= maxDataLength else { throw .quantizationTablesTooLong(length) }
        let dataStart = offset + fixedSize
        guard payload.count >= dataStart + length else { throw .tooShort(needed: dataStart + length, available: payload.count) }
        var tables: [JPEGQuantizationTable] = []
        var at = dataStart
        while at < dataStart + length {
            let is16Bit = precision >> tables.count & 1 == 1
            let size = JPEGQuantizationTable.size(is16Bit: is16Bit)
            guard at + size <= dataStart + length else { throw .quantizationTableLengthMismatch(length) }
            tables.append(JPEGQuantizationTable(is16Bit: is16Bit, octets: payload.bytes(in: at..<(at + size))))
            at += size
        }
        return (JPEGQuantizationHeader(tables: tables), fixedSize + length)
    }
}
