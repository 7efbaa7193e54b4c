extension MPEG4GenericPacketizer: RTPPacketizer {
    /// Packetizes one AAC access unit given as its parts (normally one), written back to back;
    /// every AAC-LC unit is a random-access point.
    public mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        if units.count == 1 { return packetize(accessUnit: units[0], timestamp: timestamp) }
        let joined = units.flatMap { $0 }
        return joined.withUnsafeBytes { packetize(accessUnit: $0, timestamp: timestamp) }
    }

    public func continuing() -> MPEG4GenericPacketizer {
        MPEG4GenericPacketizer(
            ssrc: ssrc, initialSequenceNumber: nextSequenceNumber, payloadType: payloadType,
            maxPacketSize: maxPacketSize, layout: layout)
    }

    /// The factory an AAC track uses (RFC 3640 AAC-hbr).
    public static let factory: RTPPacketizerFactory = { ssrc, sequence, payloadType, maxPacketSize in
        MPEG4GenericPacketizer(ssrc: ssrc, initialSequenceNumber: sequence, payloadType: payloadType, maxPacketSize: maxPacketSize)
    }
}

extension RTPPayloadFormat {
    /// AAC as camsim sends it: RFC 3640 `mpeg4-generic` in dynamic payload type 97, the RTP
    /// clock at the sample rate (§4.1), with the channel count in `a=rtpmap`.
    public static func aac(rate: Int, channels: Int) -> RTPPayloadFormat {
        RTPPayloadFormat(
            payloadType: 97, clockRate: UInt32(rate), encodingName: "MPEG4-GENERIC", mediaType: .audio, channels: channels)
    }
}
