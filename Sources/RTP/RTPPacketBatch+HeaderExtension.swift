import NIOCore

extension RTPPacketBatch {
    /// Extra octets a header extension with `dataSize` octets of data adds to a packet.
    public static func headerExtensionOverhead(dataSize: Int) -> Int {
        RTPHeaderExtension(profile: 0, data: Array(repeating: 0, count: dataSize)).encodedSize
    }

    /// The batch with `headerExtension` on its first packet (RFC 3550 §5.3.1: the X bit set
    /// and the extension after the fixed header). Packets that already carry CSRCs or an
    /// extension are left as they are. Copies the batch once.
    public func withHeaderExtensionOnFirstPacket(_ headerExtension: RTPHeaderExtension) -> RTPPacketBatch {
        guard let first = packets.first, first.readableBytes >= RTPHeader.fixedSize,
              let byte0: UInt8 = first.getInteger(at: first.readerIndex), byte0 & 0x1F == 0
        else { return self }
        var bytes = ByteBuffer()
        bytes.reserveCapacity(self.bytes.readableBytes + headerExtension.encodedSize)
        var ranges: [Range<Int>] = []
        for (index, packet) in packets.enumerated() {
            let start = bytes.writerIndex
            if index == 0 {
                var header = packet.getSlice(at: packet.readerIndex, length: RTPHeader.fixedSize)!
                bytes.writeInteger(byte0 | RTPHeader.extensionMask)
                header.moveReaderIndex(forwardBy: 1)
                bytes.writeBuffer(&header)
                headerExtension.write(into: &bytes)
                var payload = packet.getSlice(
                    at: packet.readerIndex + RTPHeader.fixedSize, length: packet.readableBytes - RTPHeader.fixedSize)!
                bytes.writeBuffer(&payload)
            } else {
                var copy = packet
                bytes.writeBuffer(&copy)
            }
            ranges.append(start..<bytes.writerIndex)
        }
        let slices = ranges.map { bytes.getSlice(at: $0.lowerBound, length: $0.count)! }
        return RTPPacketBatch(
            bytes: bytes, packets: slices, timestamp: timestamp, firstSequenceNumber: firstSequenceNumber,
            containsIDR: containsIDR, payloadOctets: payloadOctets)
    }
}
