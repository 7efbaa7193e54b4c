import JPEGSyntax
import NIOCore

/// Turns one baseline JPEG frame into RTP packets (RFC 2435): payload layout by
/// `JPEGPayloader`; this type writes the RTP and RTP/JPEG headers and copies the scan, once,
/// into one `ByteBuffer` whose slices are the packets fan-out hands to every viewer.
///
/// camsim sends Q = 255, the frame's own quantization tables in-band in every frame's first
/// packet (§3.1.8), and type 1 (4:2:0) or 0 (4:2:2), plus 64 with a Restart Marker header
/// when the JPEG has a restart interval (§3.1.7). Its packets are not aligned with restart
/// intervals, so that header says so (F = L = 1, count 0x3FFF). Every frame is a
/// random-access point.
public struct JPEGPacketizer: Sendable {
    /// Smallest `maxPacketSize` accepted: an RTP header, the largest first-packet headers
    /// (main, restart, two 16-bit tables) and one scan octet.
    public static let minimumMaxPacketSize = RTPHeader.fixedSize + JPEGPayloader.minimumBudget(
        headerSize: JPEGMainHeader.size + JPEGRestartHeader.size,
        tablesSize: JPEGQuantizationHeader.fixedSize + 2 * JPEGQuantizationTable.size(is16Bit: true))
    /// RFC 2435 §3.1.4: Q 255 means the tables are in-band and may change every frame.
    public static let inBandQ: UInt8 = 255

    public var ssrc: UInt32
    public var payloadType: UInt8
    public private(set) var nextSequenceNumber: UInt16
    /// Largest RTP packet (header included) produced.
    public let maxPacketSize: Int
    private var storage = ByteBuffer()

    /// `maxPacketSize` below `minimumMaxPacketSize` is raised to it.
    public init(ssrc: UInt32, initialSequenceNumber: UInt16, payloadType: UInt8 = 26, maxPacketSize: Int = 1400) {
        self.ssrc = ssrc
        self.payloadType = payloadType
        self.nextSequenceNumber = initialSequenceNumber
        self.maxPacketSize = max(maxPacketSize, Self.minimumMaxPacketSize)
    }

    public var payloadBudget: Int { maxPacketSize - RTPHeader.fixedSize }

    /// The RTP/JPEG type for a frame (§3.1.3, §3.1.7).
    public static func type(of frame: JPEGFrameParameters) -> UInt8 {
        let base: UInt8 = frame.sampling == .yuv420 ? 1 : 0
        return frame.restartInterval > 0 ? base + 64 : base
    }

    /// Checks that RFC 2435 can describe the frame: a size that is a multiple of 8 up to
    /// 2040 each way, two quantization tables, a 16-bit restart interval.
    public static func validate(_ frame: JPEGFrameParameters, scanSize: Int) throws(JPEGPayloadError) {
        func carriable(_ value: Int) -> Bool { value > 0 && value % 8 == 0 && value <= JPEGMainHeader.maxDimension }
        guard carriable(frame.width), carriable(frame.height) else {
            throw .sizeNotCarriable(width: frame.width, height: frame.height)
        }
        guard frame.quantizationTables.count == 2 else { throw .tableCountNotTwo(frame.quantizationTables.count) }
        guard frame.restartInterval <= Int(UInt16.max) else { throw .restartIntervalTooLong(frame.restartInterval) }
        guard scanSize <= JPEGMainHeader.maxFragmentOffset else { throw .scanTooLong(scanSize) }
    }

    /// Packetizes one frame whose entropy-coded scan is `scan` (valid for the call). Sets the
    /// marker on the last packet (RFC 2435 §3).
    public mutating func packetize(
        _ frame: JPEGFrameParameters, scan: UnsafeRawBufferPointer, timestamp: UInt32
    ) throws(JPEGPayloadError) -> RTPPacketBatch {
        try Self.validate(frame, scanSize: scan.count)
        let type = Self.type(of: frame)
        let restart = frame.restartInterval > 0 ? JPEGRestartHeader.unaligned(interval: UInt16(frame.restartInterval)) : nil
        let tables = JPEGQuantizationHeader(tables: frame.quantizationTables)
        let headerSize = JPEGMainHeader.size + (restart == nil ? 0 : JPEGRestartHeader.size)
        let layouts = JPEGPayloader.plan(
            scanSize: scan.count, headerSize: headerSize, tablesSize: tables.encodedSize, budget: payloadBudget)

        let first = nextSequenceNumber
        let payloadOctets = layouts.reduce(0) { $0 + $1.size }
        // Allocates only when a packet of an earlier batch is still held, or the frame is bigger.
        storage.clear(minimumCapacity: payloadOctets + layouts.count * RTPHeader.fixedSize)
        for (index, layout) in layouts.enumerated() {
            RTPHeader(
                marker: index == layouts.count - 1, payloadType: payloadType,
                sequenceNumber: nextSequenceNumber, timestamp: timestamp, ssrc: ssrc
            ).write(into: &storage)
            JPEGMainHeader(
                fragmentOffset: UInt32(layout.scan.lowerBound), type: type, q: Self.inBandQ,
                width: UInt8(frame.width / 8), height: UInt8(frame.height / 8)
            ).write(into: &storage)
            restart?.write(into: &storage)
            if layout.carriesTables { tables.write(into: &storage) }
            storage.writeBytes(UnsafeRawBufferPointer(rebasing: scan[layout.scan]))
            nextSequenceNumber &+= 1
        }
        var packets: [ByteBuffer] = []
        packets.reserveCapacity(layouts.count)
        var offset = storage.readerIndex
        for layout in layouts {
            let size = RTPHeader.fixedSize + layout.size
            packets.append(storage.getSlice(at: offset, length: size)!)
            offset += size
        }
        return RTPPacketBatch(
            bytes: storage, packets: packets, timestamp: timestamp, firstSequenceNumber: first,
            containsIDR: true, payloadOctets: payloadOctets)
    }

    /// Convenience for tests and small callers: the same, from an array.
    public mutating func packetize(_ frame: JPEGFrameParameters, scan: [UInt8], timestamp: UInt32) throws(JPEGPayloadError) -> RTPPacketBatch {
        let result: Result<RTPPacketBatch, JPEGPayloadError> = scan.withUnsafeBytes { raw in
            Result { () throws(JPEGPayloadError) -> RTPPacketBatch in try packetize(frame, scan: raw, timestamp: timestamp) }
        }
        return try result.get()
    }
}
