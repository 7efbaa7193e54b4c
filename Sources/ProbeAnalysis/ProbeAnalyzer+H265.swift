import RTP

extension ProbeAnalyzer {
    /// One RTP payload of track `track`. The client assembles H.264 access units itself;
    /// for an H.265 video track (RFC 7798) the analyzer assembles them here and counts them
    /// as `accessUnit` does. Other tracks are ignored.
    public mutating func rtpPayload(
        track: Int, header: RTPHeader, payload: some RandomAccessCollection<UInt8>, arrival: Int64
    ) {
        guard track == videoTrack, tracks[track].isH265 else { return }
        for unit in h265.packet(header, payload: payload) {
            video.record(nalUnits: unit.nalUnits, rtpTimestamp: unit.timestamp, complete: unit.complete, arrival: arrival)
        }
    }
}
