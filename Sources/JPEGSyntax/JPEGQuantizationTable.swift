/// One quantization table as a DQT segment carries it (ITU-T T.81 §B.2.4.1): 64 values in
/// zig-zag order, 8 bits each (Pq = 0) or 16 bits each, big-endian (Pq = 1). RFC 2435
/// §3.1.8 carries the same octets in its Quantization Table header, so they are kept as octets.
public struct JPEGQuantizationTable: Hashable, Sendable {
    /// Pq = 1: 16-bit values.
    public var is16Bit: Bool
    /// The values as written: 64 octets, or 128 for 16-bit values.
    public var octets: [UInt8]

    public init(is16Bit: Bool = false, octets: [UInt8]) {
        self.is16Bit = is16Bit
        self.octets = octets
    }

    /// Octets of a table of this precision.
    public static func size(is16Bit: Bool) -> Int { is16Bit ? 128 : 64 }

    /// The values in zig-zag order.
    public var values: [Int] {
        is16Bit
            ? (0..<64).map { Int(octets[2 * $0]) << 8 | Int(octets[2 * $0 + 1]) }
            : octets.map { Int($0) }
    }
}

extension JPEGQuantizationTable {
    /// Zig-zag position → position in row-major order (ITU-T T.81 Figure A.6).
    public static let naturalOrder: [Int] = {
        var order: [Int] = []
        order.reserveCapacity(64)
        // Walk the 15 anti-diagonals, alternating direction: up-right on even sums.
        for sum in 0..<15 {
            let rows = max(0, sum - 7)...min(sum, 7)
            let walk = sum % 2 == 0 ? Array(rows.reversed()) : Array(rows)
            for row in walk { order.append(row * 8 + (sum - row)) }
        }
        return order
    }()

    /// Luminance table of ITU-T T.81 Annex K.1 (Table K.1), row-major.
    static let luminanceNatural: [Int] = [
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// Chrominance table of ITU-T T.81 Annex K.1 (Table K.2), row-major.
    static let chrominanceNatural: [Int] = [
        17, 18, 24, 47, 99, 99, 99, 99,
        18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99,
        47, 66, 99, 99, 99, 99, 99, 99,
    ] + Array(repeating: 99, count: 32)

    /// The luminance and chrominance tables RFC 2435 Appendix A derives from a Q of 1...99:
    /// the Annex K tables scaled by 5000/Q below 50 and by 200 − 2Q from 50, rounded and
    /// clamped to 1...255. libjpeg scales its tables for a quality the same way.
    public static func rfc2435(q: Int) -> (luminance: JPEGQuantizationTable, chrominance: JPEGQuantizationTable) {
        let factor = min(max(q, 1), 99)
        let scale = factor < 50 ? 5000 / factor : 200 - factor * 2
        func scaled(_ natural: [Int]) -> JPEGQuantizationTable {
            let octets = naturalOrder.map { position in
                UInt8(min(max((natural[position] * scale + 50) / 100, 1), 255))
            }
            return JPEGQuantizationTable(octets: octets)
        }
        return (scaled(luminanceNatural), scaled(chrominanceNatural))
    }
}
