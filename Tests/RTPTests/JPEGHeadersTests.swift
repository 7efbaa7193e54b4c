import JPEGSyntax
import NIOCore
import Testing
@testable import RTP

/// The three RTP/JPEG headers of RFC 2435 §3.1, against byte vectors, both writers, a
/// round trip and every truncation.
@Suite("JPEG RTP headers")
struct JPEGHeadersTests {
    /// Type-specific 0, offset 0x012345, type 65, Q 255, 640×360 (80, 45 in 8-pixel units).
    static let main = JPEGMainHeader(fragmentOffset: 0x01_2345, type: 65, q: 255, width: 80, height: 45)
    static let mainBytes = hexBytes("00 012345 41 FF 50 2D")
    /// Interval 40 MCUs, F and L set, count 0x3FFF.
    static let restart = JPEGRestartHeader.unaligned(interval: 40)
    static let restartBytes = hexBytes("0028 FFFF")
    /// Table 0 of 8-bit values 1...64, table 1 of 16-bit values 0x0100...: precision 0b10, length 192.
    static let tables = JPEGQuantizationHeader(tables: [
        JPEGQuantizationTable(octets: (1...64).map { UInt8($0) }),
        JPEGQuantizationTable(is16Bit: true, octets: (0..<64).flatMap { [UInt8(1), UInt8($0)] }),
    ])
    static let tablesBytes = hexBytes("00 02 00C0") + (1...64).map { UInt8($0) } + (0..<64).flatMap { [UInt8(1), UInt8($0)] }

    @Test func mainHeaderExactBytes() throws {
        var array: [UInt8] = []
        Self.main.write(into: &array)
        var buffer = ByteBuffer()
        Self.main.write(into: &buffer)
        #expect(array == Self.mainBytes)
        #expect(buffer.octets == Self.mainBytes)
        #expect(try JPEGMainHeader.parse(Self.mainBytes) == Self.main)
        #expect(Self.main.hasRestartHeader)
        #expect(!Self.main.hasQuantizationHeader, "tables only at offset 0")
        #expect(JPEGMainHeader(fragmentOffset: 0, type: 1, q: 128, width: 1, height: 1).hasQuantizationHeader)
        #expect(!JPEGMainHeader(fragmentOffset: 0, type: 1, q: 127, width: 1, height: 1).hasQuantizationHeader)
    }

    @Test func restartHeaderExactBytes() throws {
        var array: [UInt8] = []
        Self.restart.write(into: &array)
        #expect(array == Self.restartBytes)
        #expect(try JPEGRestartHeader.parse(Self.restartBytes, at: 0) == Self.restart)
        let aligned = JPEGRestartHeader(interval: 0x0102, first: true, last: false, count: 5)
        var bytes: [UInt8] = []
        aligned.write(into: &bytes)
        #expect(bytes == hexBytes("0102 8005"))
        #expect(try JPEGRestartHeader.parse(hexBytes("EE") + bytes, at: 1) == aligned)
    }

    @Test func quantizationHeaderExactBytes() throws {
        var array: [UInt8] = []
        Self.tables.write(into: &array)
        var buffer = ByteBuffer()
        Self.tables.write(into: &buffer)
        #expect(array == Self.tablesBytes)
        #expect(buffer.octets == Self.tablesBytes)
        let (parsed, size) = try JPEGQuantizationHeader.parse(Self.tablesBytes, at: 0)
        #expect(parsed == Self.tables)
        #expect(size == 4 + 192)
        // Length 0: no tables in this frame.
        let (empty, emptySize) = try JPEGQuantizationHeader.parse(hexBytes("00 00 0000"), at: 0)
        #expect(empty.tables.isEmpty && emptySize == 4)
    }

    @Test func everyTruncationIsAnError() {
        for cut in 0..<Self.mainBytes.count {
            #expect(throws: JPEGPayloadError.tooShort(needed: 8, available: cut)) { try JPEGMainHeader.parse(Self.mainBytes.prefix(cut)) }
        }
        for cut in 0..<Self.restartBytes.count {
            #expect(throws: JPEGPayloadError.self) { try JPEGRestartHeader.parse(Self.restartBytes.prefix(cut), at: 0) }
        }
        for cut in 0..<Self.tablesBytes.count {
            #expect(throws: JPEGPayloadError.self) { try JPEGQuantizationHeader.parse(Self.tablesBytes.prefix(cut), at: 0) }
        }
    }

    @Test func badTableLengths() {
        // 65 octets do not split into 8-bit tables; 600 octets exceed four 16-bit tables.
        #expect(throws: JPEGPayloadError.quantizationTableLengthMismatch(65)) {
            try JPEGQuantizationHeader.parse(hexBytes("00 00 0041") + Array(repeating: 1, count: 65), at: 0)
        }
        #expect(throws: JPEGPayloadError.quantizationTablesTooLong(600)) {
            try JPEGQuantizationHeader.parse(hexBytes("00 00 0258") + Array(repeating: 1, count: 600), at: 0)
        }
    }
}
