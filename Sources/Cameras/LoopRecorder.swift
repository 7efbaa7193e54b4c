import RTP

/// The packetizer a loop is recorded through: it keeps each access unit's units in a
/// `LoopRecording` and hands them on to the stream format's own packetizer, whose batch
/// says whether the unit is a random-access point (an IDR, an IRAP picture, a JPEG frame).
struct LoopRecorder: RTPPacketizer {
    var inner: any RTPPacketizer
    var recording = LoopRecording()

    var ssrc: UInt32 { inner.ssrc }
    var payloadType: UInt8 { inner.payloadType }
    var nextSequenceNumber: UInt16 { inner.nextSequenceNumber }
    var maxPacketSize: Int { inner.maxPacketSize }

    mutating func packetize(units: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        let batch = inner.packetize(units: units, timestamp: timestamp)
        recording.append(units, randomAccess: batch.containsIDR)
        return batch
    }

    func continuing() -> LoopRecorder { LoopRecorder(inner: inner.continuing(), recording: recording) }
}
