import FuzzSeedSupport
import JPEGSyntax
import Testing

/// The seeds of the baseline JPEG fuzz target: hand-made JPEGs of the shape the walker
/// accepts, one with restart markers, one with 16-bit tables.
@Suite struct FuzzSeedTests {
    static var jpegs: [[UInt8]] {
        let tables = JPEGQuantizationTable.rfc2435(q: 60)
        let plain = JPEGFrameParameters(width: 32, height: 16, sampling: .yuv420, quantizationTables: [tables.luminance, tables.chrominance])
        var restart = plain
        restart.restartInterval = 1
        restart.sampling = .yuv422
        restart.quantizationTables[1] = JPEGQuantizationTable(is16Bit: true, octets: (0..<128).map { UInt8($0 % 2) })
        let scan: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]
        return [plain.headers() + scan + [0xFF, 0xD9], restart.headers() + scan + [0xFF, 0xD9]]
    }

    @Test func jpeg() throws {
        for jpeg in Self.jpegs { #expect(throws: Never.self) { try BaselineJPEG.parse(jpeg) } }
        try FuzzSeeds.check("jpeg", Self.jpegs)
    }
}
