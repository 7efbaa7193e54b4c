import Faults

extension FaultTally {
    /// Packets (RTP and RTCP) the network faults dropped, by cause, under the names the
    /// control API and metrics use.
    public var packetsDroppedByCause: [String: Int] {
        [
            "random_loss": network.droppedRandom,
            "burst_loss": network.droppedBurst,
            "outage": network.droppedOutage,
            "bandwidth_queue": network.droppedQueue,
        ]
    }

    /// Access units the media faults dropped, by cause.
    public var framesDroppedByCause: [String: Int] {
        var counts: [String: Int] = ["frame_loss": 0, "frame_every_nth": 0, "idr_loss": 0, "freeze": 0]
        for (cause, count) in media.dropped {
            switch cause {
            case .random: counts["frame_loss", default: 0] += count
            case .everyNth: counts["frame_every_nth", default: 0] += count
            case .idrLoss: counts["idr_loss", default: 0] += count
            case .freeze: counts["freeze", default: 0] += count
            }
        }
        return counts
    }

    /// Everything the faults did, by cause: packets dropped, delayed, reordered,
    /// duplicated and corrupted, and frames dropped and repeated.
    public var countsByCause: [String: Int] {
        var counts = packetsDroppedByCause.merging(framesDroppedByCause) { $0 + $1 }
        counts["delayed"] = network.delayed
        counts["reordered"] = network.reordered
        counts["duplicated"] = network.duplicated
        counts["corrupted"] = network.corrupted
        counts["frames_repeated"] = media.repeated
        return counts
    }
}
