import RTP

/// Fan-out: one access unit, packetized once, handed to every playing viewer.
extension CameraStream {
    func fanOut(_ batch: RTPPacketBatch, of request: EncodeRequest, starting: [ObjectIdentifier]) {
        counters.framesEncoded.wrappingAdd(1, ordering: .relaxed)
        counters.packetsProduced.wrappingAdd(batch.packetCount, ordering: .relaxed)
        counters.bytesProduced.wrappingAdd(batch.bytes.readableBytes, ordering: .relaxed)
        let active = machine.roster.active
        guard !active.isEmpty else { return }
        let captureWallClockNanos = batch.captureInstantNanoseconds ?? request.wallClockNanos
        for key in starting {
            viewers[key]?.streamWillStart(
                firstSequenceNumber: batch.firstSequenceNumber,
                rtpTimestamp: batch.timestamp,
                captureWallClockNanos: captureWallClockNanos
            )
        }
        var delivery = RTPDelivery(
            packets: batch.packets,
            rtpTimestamp: batch.timestamp,
            firstSequenceNumber: batch.firstSequenceNumber,
            ssrc: ssrc,
            isIDR: batch.containsIDR,
            payloadOctets: batch.payloadOctets,
            captureWallClockNanos: captureWallClockNanos,
            frameIndex: request.frame,
            format: definition.format
        )
        delivery.waitedForViewer = viewerReady != nil
        for key in active {
            viewers[key]?.deliver(delivery)
        }
    }
}
