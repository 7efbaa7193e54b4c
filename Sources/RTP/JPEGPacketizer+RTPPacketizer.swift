import JPEGSyntax

extension JPEGPacketizer: RTPPacketizer {
    /// Packetizes one frame given as one unit, a whole baseline JPEG (SOI to EOI), which is
    /// taken apart here (`BaselineJPEG`). A JPEG RFC 2435 cannot carry (checked when the
    /// stream is configured) gives an empty batch and no packets.
    public mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        guard units.count == 1, let jpeg = units.first, let parsed = try? BaselineJPEG.parse(jpeg),
              let batch = try? packetize(parsed.parameters, scan: UnsafeRawBufferPointer(rebasing: jpeg[parsed.scan]), timestamp: timestamp)
        else { return RTPPacketBatch(timestamp: timestamp, firstSequenceNumber: nextSequenceNumber) }
        return batch
    }

    public func continuing() -> JPEGPacketizer {
        JPEGPacketizer(ssrc: ssrc, initialSequenceNumber: nextSequenceNumber, payloadType: payloadType, maxPacketSize: maxPacketSize)
    }

    /// The factory a stream uses for Motion JPEG (RFC 2435).
    public static let factory: RTPPacketizerFactory = { ssrc, sequence, payloadType, maxPacketSize in
        JPEGPacketizer(ssrc: ssrc, initialSequenceNumber: sequence, payloadType: payloadType, maxPacketSize: maxPacketSize)
    }
}
