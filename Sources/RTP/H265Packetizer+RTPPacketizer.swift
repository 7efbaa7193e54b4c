extension H265Packetizer: RTPPacketizer {
    public mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        packetize(nalUnits: units, timestamp: timestamp)
    }

    public func continuing() -> H265Packetizer {
        H265Packetizer(
            ssrc: ssrc, initialSequenceNumber: nextSequenceNumber, payloadType: payloadType,
            maxPacketSize: maxPacketSize)
    }

    /// The factory a stream uses for H.265 (RFC 7798).
    public static let factory: RTPPacketizerFactory = { ssrc, sequence, payloadType, maxPacketSize in
        H265Packetizer(ssrc: ssrc, initialSequenceNumber: sequence, payloadType: payloadType, maxPacketSize: maxPacketSize)
    }
}

extension RTPPayloadFormat {
    /// H.265 as camsim sends it (RFC 7798 §7.1): dynamic PT 96, 90 kHz, `H265`.
    public static let h265 = RTPPayloadFormat(payloadType: 96, clockRate: 90_000, encodingName: "H265")
}
