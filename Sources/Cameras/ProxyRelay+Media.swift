import H264
import RTP

/// Relaying: each upstream access unit is packetized once and handed to every playing
/// viewer; the GOP cache starts a joining viewer at once.
extension ProxyRelay {
    /// NAL unit types (H.264 Table 7-1) the relay looks at.
    private enum NALType {
        static let idr: UInt8 = 5
        static let sps: UInt8 = 7
        static let pps: UInt8 = 8
    }

    func relay(_ unit: UpstreamAccessUnit) {
        guard unit.isComplete else {
            // A unit lost upstream breaks every picture that refers to it until the next IDR.
            awaitingIDR = true
            gopCache?.clear()
            counters.framesSkipped.wrappingAdd(1, ordering: .relaxed)
            return
        }
        guard !awaitingIDR || unit.isIDR else {
            counters.framesSkipped.wrappingAdd(1, ordering: .relaxed)
            return
        }
        var nalUnits = unit.nalUnits
        let hadParameterSets = noteParameterSets(in: nalUnits)
        if unit.isIDR {
            awaitingIDR = false
            apply(link.resumed(at: clock.nanoseconds()))
            // An IDR goes out with its SPS and PPS, so a decoder can start on it even
            // when the upstream sends them only in the SDP.
            if !hadParameterSets, let parameterSets = knownParameterSets {
                nalUnits.insert(contentsOf: [parameterSets.sequenceParameterSet, parameterSets.pictureParameterSet], at: 0)
            }
        }
        let placed = timeline.place(upstream: unit.rtpTimestamp, at: clock.reading())
        var batch = packetizer.packetize(nalUnits: nalUnits, timestamp: placed.timestamp)
        batch.captureInstantNanoseconds = placed.wallNanos
        counters.framesEncoded.wrappingAdd(1, ordering: .relaxed)
        counters.packetsProduced.wrappingAdd(batch.packetCount, ordering: .relaxed)
        counters.bytesProduced.wrappingAdd(batch.bytes.readableBytes, ordering: .relaxed)
        let delivery = RTPDelivery(
            packets: batch.packets, rtpTimestamp: batch.timestamp, firstSequenceNumber: batch.firstSequenceNumber,
            ssrc: ssrc, isIDR: unit.isIDR, payloadOctets: batch.payloadOctets,
            captureWallClockNanos: placed.wallNanos, frameIndex: frameIndex, format: format)
        frameIndex += 1
        gopCache?.append(delivery, isIDR: unit.isIDR, bytes: batch.bytes.readableBytes)
        for key in roster.start(accessUnitIsIDR: unit.isIDR) {
            viewers[key]?.streamWillStart(
                firstSequenceNumber: delivery.firstSequenceNumber, rtpTimestamp: delivery.rtpTimestamp,
                captureWallClockNanos: delivery.captureWallClockNanos)
        }
        for key in roster.active { viewers[key]?.deliver(delivery) }
        viewerCountChanged()
    }

    /// Starts a joining viewer from the cached GOP, if there is one: its IDR and every
    /// unit since, at once, then the live units that follow. Timestamps and sequence
    /// numbers run on without a gap, as they were sent to the others.
    func startFromCache(_ key: ObjectIdentifier, _ viewer: any StreamViewer) {
        guard !awaitingIDR, let cached = gopCache?.units, let first = cached.first else { return }
        roster.startNow(key)
        viewer.streamWillStart(
            firstSequenceNumber: first.firstSequenceNumber, rtpTimestamp: first.rtpTimestamp,
            captureWallClockNanos: first.captureWallClockNanos)
        for var delivery in cached {
            // The burst is bounded by the cache; the viewer takes all of it rather than
            // skip to the next IDR, which may be a whole GOP away.
            delivery.waitedForViewer = true
            viewer.deliver(delivery)
        }
        viewerCountChanged()
    }

    /// Records in-band SPS and PPS (they replace the SDP's); true if the unit had both.
    private func noteParameterSets(in nalUnits: [[UInt8]]) -> Bool {
        var sps: [UInt8]?
        var pps: [UInt8]?
        for nal in nalUnits {
            guard let header = nal.first else { continue }
            switch header & 0x1F {
            case NALType.sps: sps = nal
            case NALType.pps: pps = nal
            default: break
            }
        }
        guard let sps, let pps else { return false }
        let sets = ParameterSets(sequenceParameterSet: sps, pictureParameterSet: pps)
        if sets != knownParameterSets {
            knownParameterSets = sets
            answerDescribes()
        }
        return true
    }
}
