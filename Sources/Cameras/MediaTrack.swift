import RTP

/// One track of a stream as sessions see it: what a SETUP of `trackID=N` binds a viewer
/// to. The video track is the `CameraStream` itself (`trackID=0`); an audio track is an
/// `AudioTrack` (`trackID=1`). Each has its own SSRC, sequence numbers and RTP clock.
public protocol MediaTrack: AnyObject, Sendable {
    /// Payload type, clock rate and SDP media type of the track's packets.
    var format: RTPPayloadFormat { get }
    /// The track's SSRC and sequence/timestamp bases now.
    var identity: StreamIdentity { get }
    /// Starts sending to `viewer` from the next random-access point.
    func play(_ viewer: any StreamViewer, keyframeOnJoin: Bool)
    /// Stops sending to `viewer`.
    func stop(_ viewer: any StreamViewer)
}

extension CameraStream: MediaTrack {
    public var format: RTPPayloadFormat { definition.format }
}

extension CameraStream {
    /// The stream's tracks in `trackID` order: the video, then the audio when it has one.
    public var tracks: [any MediaTrack] {
        var tracks: [any MediaTrack] = [self]
        if let audio { tracks.append(audio) }
        return tracks
    }

    /// The track `trackID=index` names, or nil.
    public func track(_ index: Int) -> (any MediaTrack)? {
        let tracks = tracks
        return tracks.indices.contains(index) ? tracks[index] : nil
    }
}
