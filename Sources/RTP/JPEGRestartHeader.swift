import NIOCore

/// The Restart Marker header after the main header of types 64-127 (RFC 2435 §3.1.7):
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |       Restart Interval        |F|L|       Restart Count       |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
public struct JPEGRestartHeader: Hashable, Sendable {
    public static let size = 4
    static let firstMask: UInt16 = 0x8000
    static let lastMask: UInt16 = 0x4000
    static let countMask: UInt16 = 0x3FFF
    /// The count a sender whose packets do not follow restart intervals writes, with F and
    /// L set: the receiver must reassemble the whole frame before decoding.
    public static let unalignedCount: UInt16 = 0x3FFF

    /// MCUs per restart interval, the DRI marker's value.
    public var interval: UInt16
    /// F: the packet starts a restart interval.
    public var first: Bool
    /// L: the packet ends a restart interval.
    public var last: Bool
    /// The first restart interval in the packet, 14 bits.
    public var count: UInt16

    public init(interval: UInt16, first: Bool, last: Bool, count: UInt16) {
        self.interval = interval
        self.first = first
        self.last = last
        self.count = count & Self.countMask
    }

    /// The header of a sender that does not align packets with restart intervals.
    public static func unaligned(interval: UInt16) -> JPEGRestartHeader {
        JPEGRestartHeader(interval: interval, first: true, last: true, count: unalignedCount)
    }

    var flagsAndCount: UInt16 {
        (first ? Self.firstMask : 0) | (last ? Self.lastMask : 0) | count & Self.countMask
    }

    public func write(into buffer: inout ByteBuffer) {
        buffer.writeMultipleIntegers(interval, flagsAndCount)
    }

    public func write(into bytes: inout [UInt8]) {
        bytes.appendBigEndian(interval)
        bytes.appendBigEndian(flagsAndCount)
    }

    /// Reads the header at `offset` in `payload`.
    public static func parse(_ payload: some RandomAccessCollection<UInt8>, at offset: Int) throws(JPEGPayloadError) -> JPEGRestartHeader {
        guard payload.count >= offset + size else { throw .tooShort(needed: offset + size, available: payload.count) }
        let word = payload.uint16(at: offset + 2)
        return JPEGRestartHeader(
            interval: payload.uint16(at: offset), first: word & firstMask != 0, last: word & lastMask != 0, count: word & countMask)
    }
}
