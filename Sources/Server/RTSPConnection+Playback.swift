import Cameras
import Glibc
import NIOCore
import RTSP

/// Playback of a camera's recording: `rtsp://HOST:PORT/CAM/playback` and
/// `rtsp://HOST:PORT/CAM/STREAM/playback`, optionally with the Hikvision-style
/// `?starttime=20261125T101500Z&endtime=20261125T102000Z`.
extension RTSPConnection {
    /// A playback URL's mount as this request sees it: the session's own playback stream
    /// when it names one of this recording, a new one for a SETUP that makes a session,
    /// else the mount as resolved (DESCRIBE reads the live stream's parameter sets, which
    /// a playback stream's encoder shares).
    func playbackMount(
        _ mount: CameraRegistry.Mount, request: RTSPRequest, session: RTSPRequestContext.SessionLookup
    ) -> CameraRegistry.Mount {
        guard mount.recording != nil else { return mount }
        if case .found(let found) = session, let playback = found.playback, playback.live === mount.stream {
            return mount.playing(playback)
        }
        if request.method == .setup, let playback = environment.cameras.makePlayback(of: mount) {
            return mount.playing(playback)
        }
        return mount
    }

    /// Each playback session renders and encodes its own picture, so there may be only
    /// `server.max_playback_sessions` at once; one more is 453 Not Enough Bandwidth
    /// (RFC 2326 §11.3.11).
    func admitPlayback(_ mount: CameraRegistry.Mount) throws(Refusal) {
        guard mount.playback != nil else { return }
        let limit = environment.settings.maxPlaybackSessions
        let playing = environment.sessions.all.filter { $0.playback != nil }.count
        guard playing < limit else {
            throw Refusal(.notEnoughBandwidth, reason: "at most \(limit) playback sessions at once (server.max_playback_sessions)")
        }
    }

    /// A recording's span in its SDP (RFC 2326 §C.1.5): `a=range:npt=0-D`, or `npt=0-`
    /// while it grows, and the same span as absolute time, `a=range:clock=START-END`
    /// (RFC 2326 §3.7).
    func describeRecording(_ recording: RecordingArchive, stream: CameraStream, into description: inout SessionDescription) {
        let timeline = recording.timeline(frameRate: stream.definition.encoder.frameRate)
        let now = PlaybackClock.now()
        let duration: NPTTime? = timeline.isGrowing ? nil : .seconds(Double(timeline.duration(now: now)) / 1e9)
        description.range = RangeHeader(start: .seconds(0), end: duration)
        let end = UTCTime(unixNanoseconds: timeline.end(now: now))
        if let start = UTCTime(unixNanoseconds: timeline.startNanoseconds) {
            description.additionalRanges = [RangeHeader(.clock(start: start, end: end))]
        }
    }
}

/// The wall clock playback reads: a growing recording ends at the present moment.
enum PlaybackClock {
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}

/// The Hikvision-style playback query, `starttime=20261125T101500Z&endtime=…`: where PLAY
/// without a Range starts and where playback ends. It is no fault query.
struct PlaybackQuery {
    static let startName = "starttime"
    static let endName = "endtime"

    var start: UTCTime?
    var end: UTCTime?

    /// Nil when the query names neither; throws 400 when one does not parse.
    init?(_ url: RTSPURL) throws(RTSPConnection.Refusal) {
        var found = false
        for item in url.queryItems {
            switch item.name.lowercased() {
            case Self.startName:
                guard let time = UTCTime(parsing: item.value) else {
                    throw RTSPConnection.Refusal(.badRequest, reason: "starttime must read like 20261125T101500Z")
                }
                start = time
                found = true
            case Self.endName:
                guard let time = UTCTime(parsing: item.value) else {
                    throw RTSPConnection.Refusal(.badRequest, reason: "endtime must read like 20261125T102000Z")
                }
                end = time
                found = true
            default: continue
            }
        }
        guard found else { return nil }
    }

    /// `url` without the playback items, for the fault query parser.
    static func removingPlaybackItems(_ url: RTSPURL) -> RTSPURL {
        var url = url
        url.queryItems.removeAll { [startName, endName].contains($0.name.lowercased()) }
        return url
    }
}
