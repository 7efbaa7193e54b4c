/// The JPEG marker codes camsim reads and writes (ITU-T T.81 Table B.1). A marker is 0xFF
/// followed by one of these octets; in entropy-coded data 0xFF 0x00 is a stuffed 0xFF, not a marker.
public enum JPEGMarker {
    /// Start of image.
    public static let startOfImage: UInt8 = 0xD8
    /// End of image.
    public static let endOfImage: UInt8 = 0xD9
    /// Baseline DCT frame header (SOF0).
    public static let baselineFrame: UInt8 = 0xC0
    /// Define Huffman tables.
    public static let huffmanTables: UInt8 = 0xC4
    /// Define quantization tables.
    public static let quantizationTables: UInt8 = 0xDB
    /// Define restart interval.
    public static let restartInterval: UInt8 = 0xDD
    /// Start of scan.
    public static let startOfScan: UInt8 = 0xDA
    /// RST0...RST7, the restart markers inside entropy-coded data (T.81 §B.1.1.3).
    public static let restarts: ClosedRange<UInt8> = 0xD0...0xD7
    /// Every start-of-frame code (SOF0...SOF15 without DHT, JPG and DAC), T.81 Table B.1.
    public static func isStartOfFrame(_ code: UInt8) -> Bool {
        (0xC0...0xCF).contains(code) && code != huffmanTables && code != 0xC8 && code != 0xCC
    }
}
