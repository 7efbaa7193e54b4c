/// One reception report block of an SR or RR (RFC 3550 §6.4.1).
///
///     +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
///     |                 SSRC_n (SSRC of source being reported)        |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     | fraction lost |       cumulative number of packets lost       |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |           extended highest sequence number received           |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                      interarrival jitter                      |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                         last SR (LSR)                         |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                   delay since last SR (DLSR)                  |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
public struct RTCPReportBlock: Hashable, Sendable {
    public static let size = 24
    /// Range of the 24-bit signed cumulative loss; values outside are clamped when written.
    public static let cumulativeLostRange: ClosedRange<Int32> = -0x80_0000...0x7F_FFFF
    static let cumulativeLostMask: UInt32 = 0x00FF_FFFF
    static let cumulativeLostSignBit: UInt32 = 0x0080_0000

    public var ssrc: UInt32
    /// Fraction of packets lost since the last report, as a fixed-point number over 256.
    public var fractionLost: UInt8
    /// Packets lost since the start; 24-bit signed (negative when duplicates arrive).
    public var cumulativeLost: Int32
    public var extendedHighestSequence: UInt32
    /// Interarrival jitter in RTP timestamp units.
    public var jitter: UInt32
    /// Middle 32 bits of the NTP timestamp of the last SR received, 0 if none.
    public var lastSR: UInt32
    /// Delay since that SR, in units of 1/65536 second.
    public var delaySinceLastSR: UInt32

    public init(
        ssrc: UInt32,
        fractionLost: UInt8 = 0,
        cumulativeLost: Int32 = 0,
        extendedHighestSequence: UInt32 = 0,
        jitter: UInt32 = 0,
        lastSR: UInt32 = 0,
        delaySinceLastSR: UInt32 = 0
    ) {
        self.ssrc = ssrc
        self.fractionLost = fractionLost
        self.cumulativeLost = cumulativeLost
        self.extendedHighestSequence = extendedHighestSequence
        self.jitter = jitter
        self.lastSR = lastSR
        self.delaySinceLastSR = delaySinceLastSR
    }

    public func write(into bytes: inout [UInt8]) {
        let lost = min(max(cumulativeLost, Self.cumulativeLostRange.lowerBound), Self.cumulativeLostRange.upperBound)
        bytes.appendBigEndian(ssrc)
        bytes.appendBigEndian(UInt32(fractionLost) << 24 | UInt32(bitPattern: lost) & Self.cumulativeLostMask)
        bytes.appendBigEndian(extendedHighestSequence)
        bytes.appendBigEndian(jitter)
        bytes.appendBigEndian(lastSR)
        bytes.appendBigEndian(delaySinceLastSR)
    }

    /// Reads a block at `offset`; the caller has checked that `size` octets are there.
    static func read(_ bytes: some RandomAccessCollection<UInt8>, at offset: Int) -> RTCPReportBlock {
        var lost = bytes.uint24(at: offset + 5)
        if lost & cumulativeLostSignBit != 0 { lost |= ~cumulativeLostMask }  // sign-extend 24 → 32 bits
        return RTCPReportBlock(
            ssrc: bytes.uint32(at: offset),
            fractionLost: bytes.byte(at: offset + 4),
            cumulativeLost: Int32(bitPattern: lost),
            extendedHighestSequence: bytes.uint32(at: offset + 8),
            jitter: bytes.uint32(at: offset + 12),
            lastSR: bytes.uint32(at: offset + 16),
            delaySinceLastSR: bytes.uint32(at: offset + 20)
        )
    }

    /// Reads `count` blocks starting at `offset` of `body`.
    static func readBlocks(_ body: some RandomAccessCollection<UInt8>, at offset: Int, count: Int) throws(RTCPParseError) -> [RTCPReportBlock] {
        let available = body.count - offset
        guard count * size <= available else { throw .reportBlockOverflow(count: count, available: available) }
        return (0..<count).map { read(body, at: offset + $0 * size) }
    }
}
