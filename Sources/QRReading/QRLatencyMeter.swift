import ProbeAnalysis

/// Capture-to-arrival latency from a camsim `timecode` stream: decodes every access unit
/// (a P-frame needs the ones before it), reads the QR code of at most `maxScansPerSecond`
/// pictures (zbar costs milliseconds a picture), and compares the capture time it carries
/// (`QRTimecode`) with the wall-clock time the access unit arrived. Only pictures whose
/// code reads give a sample.
public final class QRLatencyMeter {
    /// Scans per second of arrival time by default: enough for a steady figure, cheap
    /// enough for a debug build on a busy machine.
    public static let defaultMaxScansPerSecond = 5
    /// Access units remembered while the decoder holds them back (B-frames).
    static let pendingLimit = 64

    private let decoder: H264PictureDecoder
    private let scanner = QRScanner()
    public let maxScansPerSecond: Int
    private var nextTag: Int64 = 0
    /// Arrival (Unix nanoseconds) of access units sent to the decoder, by tag.
    private var arrivals: [Int64: Int64] = [:]
    private var lastScan: Int64?
    /// Pictures scanned and codes read, for the report.
    public private(set) var scans = 0
    public private(set) var codesRead = 0

    public init(maxScansPerSecond: Int = defaultMaxScansPerSecond) throws {
        decoder = try H264PictureDecoder()
        self.maxScansPerSecond = max(1, maxScansPerSecond)
    }

    /// One access unit and its arrival on the wall clock, in Unix nanoseconds. Returns
    /// the latencies in milliseconds of the pictures whose QR code was read.
    public func accessUnit(nalUnits: [[UInt8]], arrivalUnixNanoseconds arrival: Int64) -> [Double] {
        let tag = nextTag
        nextTag += 1
        arrivals[tag] = arrival
        if arrivals.count > Self.pendingLimit, let oldest = arrivals.keys.min() { arrivals[oldest] = nil }
        var latencies: [Double] = []
        let interval = 1_000_000_000 / Int64(maxScansPerSecond)
        decoder.decode(nalUnits: nalUnits, tag: tag) { picture, pictureTag in
            guard let arrived = arrivals.removeValue(forKey: pictureTag) else { return }
            if let lastScan, arrived - lastScan < interval { return }
            lastScan = arrived
            scans += 1
            for text in scanner.scan(picture) {
                guard let code = QRTimecode.parse(text) else { continue }
                codesRead += 1
                latencies.append(Double(arrived - code.unixMilliseconds * 1_000_000) / 1e6)
                break
            }
        }
        return latencies
    }
}
