import Cameras

import RTSP

extension CameraRegistry {
    /// The playback URL names a camera's recording: `<camera>/playback` or
    /// `<camera>/<stream>/playback`, each with an optional track control segment after it.
    static let playbackSegment = "playback"

    /// The mount a playback URL names: the live stream's mount with the camera's recording
    /// and a fresh `PlaybackStream` for a new session. Nil when the URL is no playback URL
    /// or the camera has no recording.
    func resolvePlayback(_ url: RTSPURL) -> Mount? {
        var segments = url.pathSegments
        guard let index = segments.lastIndex(of: Self.playbackSegment), index >= segments.count - 2 else { return nil }
        segments.remove(at: index)
        var live = url
        live.pathSegments = segments
        // A recording plays the video track only.
        guard let mount = resolve(live), (mount.track ?? 0) == 0,
              let camera = camera(path: mount.cameraPath), let archive = camera.definition.recording
        else { return nil }
        return Mount(stream: mount.stream, isTrack: mount.isTrack, faults: mount.faults, cameraPath: mount.cameraPath,
                     multicast: nil, authentication: mount.authentication, recording: archive, track: mount.track)
    }

    /// A playback stream of `mount`'s recording for a new session.
    func makePlayback(of mount: Mount) -> PlaybackStream? {
        guard let archive = mount.recording else { return nil }
        return PlaybackStream(
            live: mount.stream, archive: archive, eventLoop: eventLoops.next(), encodePool: encodePool, clock: clock,
            wallClock: { PlaybackClock.now() })
    }
}

extension CameraRegistry.Mount {
    /// This mount with a session's playback stream in place of the live one.
    func playing(_ playback: PlaybackStream) -> CameraRegistry.Mount {
        CameraRegistry.Mount(stream: playback.stream, isTrack: isTrack, faults: faults, cameraPath: cameraPath,
                             multicast: nil, authentication: authentication, recording: recording, playback: playback,
                             track: track)
    }
}
